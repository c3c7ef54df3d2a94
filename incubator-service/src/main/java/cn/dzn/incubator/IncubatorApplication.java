package cn.dzn.incubator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Incubators, maker spaces, overseas incubators and their pairings, tenants. */
@SpringBootApplication
public class IncubatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncubatorApplication.class, args);
    }
}
