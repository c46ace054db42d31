package dev.wsgiboot.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security in front of one Python mount: {@code /private} needs HTTP
 * basic authentication, every other URL (Java or Python) stays open. The WSGI
 * application sees the authenticated user as {@code REMOTE_USER}. Left out,
 * with Spring Security's auto-configuration, when an Apache configuration
 * decides the mounts ({@code application-apache-config.yml}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + SampleApplication.APACHE_CONFIG_PROFILE)
class PrivateMountSecurity {

	@Bean
	SecurityFilterChain privateMount(HttpSecurity http) throws Exception {
		return http.securityMatcher("/private", "/private/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService privateMountUsers(@Value("${sample.private-user}") String user,
			@Value("${sample.private-password}") String password) {
		return new InMemoryUserDetailsManager(User.withUsername(user)
			.password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
			.roles("USER")
			.build());
	}

}
