package cn.dzn.fund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Joint funds, guidance-fund sub-funds, subsidies and innovation vouchers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundApplication.class, args);
    }
}
