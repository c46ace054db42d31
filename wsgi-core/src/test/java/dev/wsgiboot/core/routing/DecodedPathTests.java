package dev.wsgiboot.core.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DecodedPath}. The expected values were recorded from a real
 * Apache httpd with mod_wsgi.
 */
class DecodedPathTests {

	// Percent-decoding

	@Test
	void encodedSpaceIsDecoded() {
		assertValid("/myapp/a%20b", "/myapp/a b");
	}

	@Test
	void utf8BytesAreExposedAsLatin1Characters() {
		assertValid("/myapp/%C3%A9", "/myapp/\u00C3\u00A9");
	}

	@Test
	void latin1ByteIsExposedAsOneCharacter() {
		assertValid("/myapp/%E9", "/myapp/\u00E9");
	}

	@Test
	void lowerCaseHexDigitsAreDecoded() {
		assertValid("/myapp/%c3%a9", "/myapp/\u00C3\u00A9");
	}

	@Test
	void encodedSlashIsNotFound() {
		assertInvalid("/myapp/a%2Fb", 404);
	}

	@Test
	void lowerCaseEncodedSlashIsNotFound() {
		assertInvalid("/myapp/a%2fb", 404);
	}

	@Test
	void doubleEncodedSlashIsDecodedOnlyOnce() {
		assertValid("/myapp/a%252Fb", "/myapp/a%2Fb");
	}

	@Test
	void encodedQuestionMarkAndHashAreDecoded() {
		assertValid("/myapp/%3F%23", "/myapp/?#");
	}

	@Test
	void plusSignIsNotASpace() {
		assertValid("/myapp/a+b", "/myapp/a+b");
	}

	@Test
	void encodedTildeIsDecoded() {
		assertValid("/myapp/%7Euser", "/myapp/~user");
	}

	@Test
	void pathParametersAreKeptVerbatim() {
		assertValid("/myapp/a;p=1", "/myapp/a;p=1");
	}

	@Test
	void invalidHexDigitsAreBadRequest() {
		assertInvalid("/myapp/%zz", 400);
	}

	@Test
	void truncatedEscapeIsBadRequest() {
		assertInvalid("/myapp/%4", 400);
	}

	@Test
	void loneTrailingPercentIsBadRequest() {
		assertInvalid("/myapp/%", 400);
	}

	@Test
	void encodedNulIsNotFound() {
		assertInvalid("/myapp/a%00b", 404);
	}

	@Test
	void pathNotStartingWithSlashIsBadRequest() {
		assertInvalid("myapp/a", 400);
	}

	@Test
	void emptyPathIsBadRequest() {
		assertInvalid("", 400);
	}

	// Normalisation

	@Test
	void repeatedSlashesAreMerged() {
		assertValid("//a///b", "/a/b");
	}

	@Test
	void repeatedTrailingSlashesAreMergedIntoOne() {
		assertValid("/myapp//", "/myapp/");
	}

	@Test
	void dotSegmentsAreResolved() {
		assertValid("/a/./b/../c", "/a/c");
	}

	@Test
	void encodedDotSegmentsAreResolvedAfterDecoding() {
		assertValid("/myapp/%2e%2e/x", "/x");
	}

	@Test
	void climbingAboveTheRootIsBadRequest() {
		assertInvalid("/../x", 400);
	}

	@Test
	void trailingSlashIsKept() {
		assertValid("/a/b/", "/a/b/");
	}

	@Test
	void singleDotBecomesTheRoot() {
		assertValid("/.", "/");
	}

	@Test
	void trailingDotDotClimbsToTheRoot() {
		assertValid("/a/..", "/");
	}

	@Test
	void rootStaysTheRoot() {
		assertValid("/", "/");
	}

	@Test
	void segmentsMerelyStartingWithDotsAreKept() {
		assertValid("/a/.hidden/..b/...", "/a/.hidden/..b/...");
	}

	@Test
	void pathNeedingNoChangeIsReturnedAsTheSameInstance() {
		String raw = "/myapp/a/b;p=1/c.txt";
		DecodedPath decoded = DecodedPath.decode(raw);
		assertThat(decoded.isValid()).isTrue();
		assertThat(decoded.path()).isSameAs(raw);
	}

	@Test
	void normalizeReturnsItsArgumentWhenNothingToDo() {
		String path = "/a/b/";
		assertThat(DecodedPath.normalize(path)).isSameAs(path);
	}

	@Test
	void normalizeMergesSlashesAndResolvesDotSegments() {
		assertThat(DecodedPath.normalize("//a/./b/../c//")).isEqualTo("/a/c/");
	}

	@Test
	void normalizeReturnsNullWhenClimbingAboveTheRoot() {
		assertThat(DecodedPath.normalize("/a/../..")).isNull();
	}

	private static void assertValid(String raw, String expected) {
		DecodedPath decoded = DecodedPath.decode(raw);
		assertThat(decoded.isValid()).as("valid: %s", raw).isTrue();
		assertThat(decoded.path()).as("path of %s", raw).isEqualTo(expected);
		assertThat(decoded.errorStatus()).isZero();
		assertThat(decoded.error()).isNull();
	}

	private static void assertInvalid(String raw, int status) {
		DecodedPath decoded = DecodedPath.decode(raw);
		assertThat(decoded.isValid()).as("valid: %s", raw).isFalse();
		assertThat(decoded.path()).isNull();
		assertThat(decoded.errorStatus()).as("status of %s", raw).isEqualTo(status);
		assertThat(decoded.error()).isNotBlank();
	}


	@Test
	void encodedSlashesOnAreDecoded() {
		assertThat(DecodedPath.decode("/myapp%2Fx", DecodedPath.EncodedSlashes.ON).path()).isEqualTo("/myapp/x");
	}

	@Test
	void encodedSlashesNoDecodeAreKeptAsWritten() {
		assertThat(DecodedPath.decode("/myapp/a%2fb/c%20d", DecodedPath.EncodedSlashes.NO_DECODE).path())
			.isEqualTo("/myapp/a%2fb/c d");
		assertThat(DecodedPath.decode("/myapp%2Fx", DecodedPath.EncodedSlashes.NO_DECODE).path())
			.isEqualTo("/myapp%2Fx");
	}

}
