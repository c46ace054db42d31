package dev.wsgiboot.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which request paths {@link JavaHandlerPaths} leaves to the WSGI mapping: only
 * those that no pattern of a Java handler mapping can match.
 */
class JavaHandlerPathsTests {

	@Test
	void literalPatternClaimsItselfAndWhatIsBelowIt() {
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/java/hello").build();
		assertThat(paths.mayClaim("/java/hello")).isTrue();
		assertThat(paths.mayClaim("/java/hello/")).isTrue();
		assertThat(paths.mayClaim("/java/hello/more")).isTrue();
		assertThat(paths.mayClaim("/java/hellox")).isFalse();
		assertThat(paths.mayClaim("/java")).isFalse();
		assertThat(paths.mayClaim("/java/other")).isFalse();
		assertThat(paths.mayClaim("/")).isFalse();
	}

	@Test
	void literalPatternWithTrailingSlashClaimsTheSamePaths() {
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/docs/").build();
		assertThat(paths.mayClaim("/docs")).isTrue();
		assertThat(paths.mayClaim("/docs/a")).isTrue();
		assertThat(paths.mayClaim("/docsx")).isFalse();
	}

	@Test
	void patternWithVariableOrWildcardClaimsItsLiteralDirectory() {
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/api/items/{id}")
			.pattern("/files/*.txt")
			.pattern("/static/v?/app.js")
			.build();
		assertThat(paths.mayClaim("/api/items")).isTrue();
		assertThat(paths.mayClaim("/api/items/7")).isTrue();
		assertThat(paths.mayClaim("/api/itemsx")).isFalse();
		assertThat(paths.mayClaim("/api/other")).isFalse();
		assertThat(paths.mayClaim("/files/a.txt")).isTrue();
		assertThat(paths.mayClaim("/files/x/y")).isTrue();
		assertThat(paths.mayClaim("/filesx")).isFalse();
		assertThat(paths.mayClaim("/static/v1/app.js")).isTrue();
		assertThat(paths.mayClaim("/static/other")).isTrue();
		assertThat(paths.mayClaim("/staticx")).isFalse();
	}

	@Test
	void patternMatchingAtTheTopClaimsEverything() {
		for (String pattern : new String[] { "/**", "/{name}", "/*.html", "/v{n}/status", "/v?/status", "relative", "//double" }) {
			JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/java/hello").pattern(pattern).build();
			assertThat(paths.claimsAll()).as(pattern).isTrue();
			assertThat(paths.why()).as(pattern).contains(pattern);
			assertThat(paths.mayClaim("/anything")).as(pattern).isTrue();
		}
	}

	@Test
	void rootPatternClaimsOnlyTheRoot() {
		for (String pattern : new String[] { "/", "", "//" }) {
			JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern(pattern).build();
			assertThat(paths.mayClaim("/")).as(pattern).isTrue();
			assertThat(paths.mayClaim("/app")).as(pattern).isFalse();
		}
		assertThat(new JavaHandlerPaths.Builder().root().build().mayClaim("/")).isTrue();
		assertThat(new JavaHandlerPaths.Builder().build().mayClaim("/")).isFalse();
	}

	@Test
	void pathsSpringWouldDecodeOrNormaliseAreAlwaysClaimed() {
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/java/hello").build();
		// Spring matches decoded segments without path parameters: these may reach /java/hello
		assertThat(paths.mayClaim("/j%61va/hello")).isTrue();
		assertThat(paths.mayClaim("/java;v=1/hello")).isTrue();
		assertThat(paths.mayClaim("//java/hello")).isTrue();
		assertThat(paths.mayClaim("/app//x")).isTrue();
		assertThat(paths.mayClaim("")).isTrue();
		assertThat(paths.mayClaim("relative")).isTrue();
		// even with no pattern at all
		assertThat(new JavaHandlerPaths.Builder().build().mayClaim("/a%20b")).isTrue();
	}

	@Test
	void pathIsReadAfterTheContextPath() {
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().pattern("/java/hello").build();
		assertThat(paths.mayClaim("/ctx/java/hello", 4)).isTrue();
		assertThat(paths.mayClaim("/ctx/app", 4)).isFalse();
		assertThat(paths.mayClaim("/ctx", 4)).isTrue();
	}

	@Test
	void allClaimsEveryPathAndSaysWhy() {
		assertThat(JavaHandlerPaths.ALL.mayClaim("/app")).isTrue();
		JavaHandlerPaths paths = new JavaHandlerPaths.Builder().all("a router function").all("later reason").build();
		assertThat(paths.mayClaim("/")).isTrue();
		assertThat(paths.why()).isEqualTo("a router function");
		assertThat(new JavaHandlerPaths.Builder().build().claimsAll()).isFalse();
	}

}
