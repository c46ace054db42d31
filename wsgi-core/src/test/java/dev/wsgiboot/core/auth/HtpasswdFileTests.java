package dev.wsgiboot.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.WsgiConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * htpasswd files as Apache's {@code htpasswd} writes them (the hashes below were
 * made with htpasswd 2.4 -B, -m and -s, and openssl passwd -apr1).
 */
class HtpasswdFileTests {

	private static final String FILE = """
			alice:$2y$05$GEpW3fNs9n7wASc.yO1tJu9wJaUBL1CQilU6lTVAFldnYjSFAhkka
			bob:$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1
			carol:{SHA}FEI6rNnb7XvP5yNyknSZvByyHbQ=
			eve:$2y$05$bAIGkTuw19HcHgIwqqjONORFIozTz/DzS1XWlraYsF/qJAzVnlhbm

			# a comment
			""";

	@TempDir
	Path directory;

	@Test
	void checksBcryptApr1AndSha1() throws IOException {
		HtpasswdFile file = HtpasswdFile.load(write(FILE), "test.conf:3");
		assertThat(file.verify("alice", bytes("wonderland"))).isTrue();
		assertThat(file.verify("alice", bytes("wonderlan"))).isFalse();
		assertThat(file.verify("bob", bytes("builder"))).isTrue();
		assertThat(file.verify("bob", bytes("Builder"))).isFalse();
		assertThat(file.verify("carol", bytes("s3cret:x"))).isTrue();
		assertThat(file.verify("carol", bytes("s3cret"))).isFalse();
		assertThat(file.verify("eve", "pässwörd".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(file.verify("mallory", bytes("wonderland"))).isFalse();
	}

	@Test
	void bcryptVariants2a2bAnd2yAreTheSameAlgorithm() throws IOException {
		String hash = "$05$GEpW3fNs9n7wASc.yO1tJu9wJaUBL1CQilU6lTVAFldnYjSFAhkka";
		HtpasswdFile file = HtpasswdFile.load(write("a:$2a" + hash + "\nb:$2b" + hash + "\n"), "x");
		assertThat(file.verify("a", bytes("wonderland"))).isTrue();
		assertThat(file.verify("b", bytes("wonderland"))).isTrue();
	}

	@Test
	void apr1MatchesOpenSsl() {
		assertThat(Apr1Md5.hash(bytes(""), "abcdefgh")).isEqualTo("$apr1$abcdefgh$L.PT565ESX4Tp2bqNs7Ie.");
		assertThat(Apr1Md5.hash(bytes("a-much-longer-password-than-sixteen-bytes"), "x"))
			.isEqualTo("$apr1$x$8NceVVu1DjFLY3EWJfWpL/");
		assertThat(Apr1Md5.hash(bytes("builder"), "frubl30U")).isEqualTo("$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1");
	}

	@Test
	void cryptDesIsRefusedWithTheFileLine() throws IOException {
		Path file = write("alice:$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1\ndave:PBX.XwcDQAiIE\n");
		assertThatExceptionOfType(WsgiConfigException.class).isThrownBy(() -> HtpasswdFile.load(file, "x"))
			.satisfies((ex) -> {
				assertThat(ex.getOrigin()).isEqualTo(file + ":2");
				assertThat(ex.getReason()).contains("dave").contains("crypt() (DES)");
				assertThat(ex.getAction()).contains("htpasswd -B");
			});
	}

	@Test
	void plainTextAndShaCryptAreRefused() throws IOException {
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> HtpasswdFile.load(write("x:secret\n"), "x"))
			.withMessageContaining("unknown password hash format");
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> HtpasswdFile.load(write("x:$6$salt$abc\n"), "x"))
			.withMessageContaining("$6$");
	}

	@Test
	void missingFileNamesWhereItWasConfigured() {
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> HtpasswdFile.load(this.directory.resolve("nope"), "site.conf:12"))
			.satisfies((ex) -> assertThat(ex.getOrigin()).isEqualTo("site.conf:12"));
	}

	@Test
	void isReadAgainWhenItChanges() throws IOException {
		Path path = write("bob:$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1\n");
		HtpasswdFile file = HtpasswdFile.load(path, "x");
		assertThat(file.verify("carol", bytes("s3cret:x"))).isFalse();
		Files.writeString(path, "carol:{SHA}FEI6rNnb7XvP5yNyknSZvByyHbQ=\n");
		Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(file.verify("carol", bytes("s3cret:x"))).isTrue();
		assertThat(file.verify("bob", bytes("builder"))).isFalse();
	}

	@Test
	void basicCredentials() {
		BasicCredentials credentials = BasicCredentials.parse("basic   YWxpY2U6d29uZGVy:bGFuZA==");
		assertThat(credentials).isNull();
		credentials = BasicCredentials.parse("Basic YWxpY2U6d29uZDplcmxhbmQ=");
		assertThat(credentials.user()).isEqualTo("alice");
		assertThat(new String(credentials.password(), StandardCharsets.ISO_8859_1)).isEqualTo("wond:erland");
		assertThat(BasicCredentials.parse("Bearer abc")).isNull();
		assertThat(BasicCredentials.parse("Basic !!!")).isNull();
		assertThat(BasicCredentials.parse(null)).isNull();
	}

	private Path write(String text) throws IOException {
		Path file = Files.createTempFile(this.directory, "htpasswd", "");
		Files.writeString(file, text, StandardCharsets.ISO_8859_1);
		return file;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
