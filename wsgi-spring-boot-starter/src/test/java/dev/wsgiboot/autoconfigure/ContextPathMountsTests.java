package dev.wsgiboot.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which mount URLs a request under a servlet context path can reach
 * ({@link ContextPathMounts}).
 */
class ContextPathMountsTests {

	@Test
	void everyMountIsReachableWithoutAPrefix() {
		assertThat(ContextPathMounts.isReachable("/wiki", "")).isTrue();
	}

	@Test
	void mountsUnderThePrefixAndAboveItAreReachable() {
		assertThat(ContextPathMounts.isReachable("/shop/wiki", "/shop")).isTrue();
		assertThat(ContextPathMounts.isReachable("/shop/wiki/", "/shop")).isTrue();
		assertThat(ContextPathMounts.isReachable("/shop", "/shop")).isTrue();
		assertThat(ContextPathMounts.isReachable("/shop/", "/shop")).isTrue();
		assertThat(ContextPathMounts.isReachable("/", "/shop")).isTrue();
		// a mount above a deeper prefix: /a/b/x is under /a
		assertThat(ContextPathMounts.isReachable("/a", "/a/b")).isTrue();
	}

	@Test
	void mountsBesideThePrefixAreNot() {
		assertThat(ContextPathMounts.isReachable("/wiki", "/shop")).isFalse();
		// mounts match whole segments: /sho does not cover /shop/...
		assertThat(ContextPathMounts.isReachable("/sho", "/shop")).isFalse();
		assertThat(ContextPathMounts.isReachable("/shopping", "/shop")).isFalse();
		assertThat(ContextPathMounts.isReachable("/a/c", "/a/b")).isFalse();
	}

}
