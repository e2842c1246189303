package dev.banyan.embedded.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Child JVM for the shutdown test: a Spring application on the embedded default whose bean writes to the database
 * while the context closes, as an outbox does when it records unfinished work.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ShutdownOrderApplication {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        SpringApplication application = new SpringApplication(ShutdownOrderApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run("--banyan.embedded-db.data-dir=" + dataDir.resolve("db"), "--banyan.embedded-db.database=app");
        Files.writeString(dataDir.resolve("ready"), "ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Bean
    LastWords lastWords(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists farewell(said text)");
        return new LastWords(jdbc);
    }

    record LastWords(JdbcTemplate jdbc) implements DisposableBean {
        @Override
        public void destroy() {
            jdbc.update("insert into farewell values ('잘 가요')");
        }
    }
}
