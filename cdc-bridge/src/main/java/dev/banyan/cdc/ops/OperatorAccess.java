package dev.banyan.cdc.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read health details. Every endpoint stays open (a Prometheus scraper needs no credentials), but health
 * details (halt reasons carry row keys and constraint messages) are shown only to a caller authenticated with HTTP
 * basic as the operator, whose password comes from {@code BANYAN_CDC_OPERATOR_PASSWORD}. Without that variable nobody
 * is authorized and health shows status only.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorAccess {

    /** The role {@code management.endpoint.health.roles} asks for. */
    public static final String ROLE = "CDC_OPERATOR";

    private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

    @Bean
    SecurityFilterChain openEndpointsWithOptionalOperatorLogin(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operator(
            @Value("${banyan.cdc.operator.user:operator}") String user,
            @Value("${banyan.cdc.operator.password:}") String password,
            PasswordEncoder encoder) {
        if (password.isBlank()) {
            log.info(
                    "health details are hidden from every caller: set BANYAN_CDC_OPERATOR_PASSWORD to let the operator see them");
            return new InMemoryUserDetailsManager();
        }
        log.info("health details are shown to operator '{}' (HTTP basic); anonymous callers see status only", user);
        return new InMemoryUserDetailsManager(User.withUsername(user)
                .password(encoder.encode(password))
                .roles(ROLE)
                .build());
    }
}
