package cn.dzn.vanilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The benchmark's gateway baseline: the library as it comes, one route (application.yml). */
@SpringBootApplication
public class VanillaGateway {

    public static void main(String[] args) {
        SpringApplication.run(VanillaGateway.class, args);
    }
}
