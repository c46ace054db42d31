package dev.wsgiboot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.filter.HiddenHttpMethodFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which form-content filter and multipart resolver an application gets with
 * {@link WsgiRequestBodyAutoConfiguration}, and which requests they leave
 * unread.
 */
class WsgiRequestBodyAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class,
				WsgiAutoConfiguration.class, WsgiRequestBodyAutoConfiguration.class))
		.withPropertyValues("wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi");

	@Test
	void bootsFilterAndResolverBackOffForTheWsgiOnes() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(FormContentFilter.class).isInstanceOf(WsgiFormContentFilter.class);
			assertThat(context.getBean(OrderedFormContentFilter.class).getOrder())
				.isEqualTo(OrderedFormContentFilter.DEFAULT_ORDER);
			assertThat(context).getBean("multipartResolver").isInstanceOf(WsgiMultipartResolver.class);
			assertThat(context).hasSingleBean(MultipartResolver.class);
		});
	}

	@Test
	void formContentFilterLeavesTheBodiesOfMountRequestsOnly() {
		this.contextRunner.run((context) -> {
			WsgiFormContentFilter filter = (WsgiFormContentFilter) context.getBean(FormContentFilter.class);
			assertThat(filter.shouldNotFilter(form("PUT", "/app/x"))).isTrue();
			assertThat(filter.shouldNotFilter(form("DELETE", "/app"))).isTrue();
			// not a mount's URL, or a method whose body the filter does not read
			assertThat(filter.shouldNotFilter(form("PUT", "/other"))).isFalse();
			assertThat(filter.shouldNotFilter(form("POST", "/app/x"))).isFalse();
		});
	}

	@Test
	void formContentFilterReadsEveryBodyWithoutTheEarlyMapping() {
		this.contextRunner.withPropertyValues("wsgi.early-dispatch=false").run((context) -> {
			WsgiFormContentFilter filter = (WsgiFormContentFilter) context.getBean(FormContentFilter.class);
			assertThat(filter.shouldNotFilter(form("PUT", "/app/x"))).isFalse();
		});
	}

	@Test
	void hiddenMethodFilterIsOffUnlessSwitchedOnAndThenLeavesMountRequests() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(HiddenHttpMethodFilter.class));
		this.contextRunner.withPropertyValues("spring.mvc.hiddenmethod.filter.enabled=true").run((context) -> {
			WsgiHiddenHttpMethodFilter filter = (WsgiHiddenHttpMethodFilter) context.getBean(HiddenHttpMethodFilter.class);
			assertThat(filter.shouldNotFilter(form("POST", "/app/x"))).isTrue();
			assertThat(filter.shouldNotFilter(form("POST", "/other"))).isFalse();
			assertThat(filter.shouldNotFilter(form("GET", "/app/x"))).isFalse();
		});
	}

	@Test
	void multipartResolverResolvesMountRequestsLazily() {
		this.contextRunner.run((context) -> {
			MultipartResolver resolver = context.getBean(MultipartResolver.class);
			MultipartHttpServletRequest mount = resolver.resolveMultipart(multipart("/app/upload"));
			// lazily: the parts would be parsed on first access, which never comes for a WSGI request
			assertThat(mount.getClass().getSimpleName()).isEqualTo("StandardMultipartHttpServletRequest");
			assertThat(((org.springframework.web.multipart.support.AbstractMultipartHttpServletRequest) mount)
				.isResolved()).isFalse();
		});
	}

	@Test
	void bootsMultipartPropertiesStillApply() {
		this.contextRunner
			.withPropertyValues("spring.servlet.multipart.strict-servlet-compliance=true",
					"spring.servlet.multipart.resolve-lazily=true")
			.run((context) -> {
				MultipartResolver resolver = context.getBean(MultipartResolver.class);
				// strict compliance: only multipart/form-data is multipart
				MockHttpServletRequest mixed = multipart("/other");
				mixed.setContentType("multipart/mixed; boundary=b");
				assertThat(resolver.isMultipart(mixed)).isFalse();
				assertThat(resolver.isMultipart(multipart("/other"))).isTrue();
				// lazily everywhere, as Boot's resolver would
				assertThat(((org.springframework.web.multipart.support.AbstractMultipartHttpServletRequest) resolver
					.resolveMultipart(multipart("/other"))).isResolved()).isFalse();
			});
	}

	@Test
	void switchedOffBootFeaturesStayOff() {
		this.contextRunner
			.withPropertyValues("spring.mvc.formcontent.filter.enabled=false", "spring.servlet.multipart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FormContentFilter.class)
				.doesNotHaveBean(MultipartResolver.class));
	}

	@Test
	void applicationsOwnBeansWin() {
		this.contextRunner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).getBean(FormContentFilter.class).isSameAs(context.getBean("ownFormContentFilter"));
			assertThat(context).getBean(MultipartResolver.class).isSameAs(context.getBean("multipartResolver"));
			assertThat(context.getBean(MultipartResolver.class)).isNotInstanceOf(WsgiMultipartResolver.class);
		});
	}

	@Test
	void withoutWsgiBootsOwnBeansAreUsed() {
		this.contextRunner.withPropertyValues("wsgi.enabled=false").run((context) -> {
			assertThat(context).getBean(FormContentFilter.class).isNotInstanceOf(WsgiFormContentFilter.class);
			assertThat(context).getBean(MultipartResolver.class).isNotInstanceOf(WsgiMultipartResolver.class);
		});
	}

	private static MockHttpServletRequest form(String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setContentType("application/x-www-form-urlencoded");
		request.setContent("a=1".getBytes());
		return request;
	}

	private static MockHttpServletRequest multipart(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		request.setContentType("multipart/form-data; boundary=b");
		request.setContent("--b--\r\n".getBytes());
		return request;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		FormContentFilter ownFormContentFilter() {
			return new FormContentFilter();
		}

		@Bean
		MultipartResolver multipartResolver() {
			return new StandardServletMultipartResolver();
		}

	}

}
