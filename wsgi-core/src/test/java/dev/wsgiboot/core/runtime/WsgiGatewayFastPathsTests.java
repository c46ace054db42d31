package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python gateway's fast paths ({@code start_response} with remembered
 * header names, the environ parser) against their plain counterparts, in real
 * GraalPy: for every input both must return the same or raise the same.
 */
class WsgiGatewayFastPathsTests {

	private static Context context;

	@BeforeAll
	static void evaluateGateway() throws IOException {
		PythonEngine engine = PythonEngine.shared();
		context = Context.newBuilder("python").engine(engine.engine()).build();
		context.eval(engine.gatewaySource());
		try (InputStream in = WsgiGatewayFastPathsTests.class.getResourceAsStream("gateway_fast_paths.py")) {
			String checks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			context.eval(Source.newBuilder("python", checks, "gateway_fast_paths.py").build());
		}
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void startResponseAcceptsAndRefusesWhatTheCheckedOneDoes() {
		Value result = python("check_start_response").execute();
		assertThat(result.getArrayElement(0).asInt()).isGreaterThan(200);
		assertThat(mismatches(result)).isEmpty();
	}

	@Test
	void startResponseFlattensHeadersAndReadsContentLength() {
		Value response = python("_Response").execute((Object) null);
		response.invokeMember("start_response", "200 OK",
				context.eval("python", "[('Content-Type', 'text/plain'), ('Content-Length', '12')]"));
		assertThat(response.getMember("status").asString()).isEqualTo("200 OK");
		assertThat(response.getMember("headers").asString()).isEqualTo("Content-Type\0text/plain\0Content-Length\u000012");
		assertThat(response.getMember("length").asInt()).isEqualTo(12);
	}

	@Test
	void environParserBuildsTheDictSplittingWould() {
		Value result = python("check_parse_cgi").execute();
		assertThat(result.getArrayElement(0).asInt()).isGreaterThan(5);
		assertThat(mismatches(result)).isEmpty();
		Value environ = python("_parse_cgi").execute("REQUEST_METHOD\0GET\0PATH_INFO\0\0HTTP_HOST\0h:1");
		assertThat(environ.invokeMember("get", "REQUEST_METHOD").asString()).isEqualTo("GET");
		assertThat(environ.invokeMember("get", "PATH_INFO").asString()).isEmpty();
		assertThat(environ.invokeMember("get", "HTTP_HOST").asString()).isEqualTo("h:1");
	}

	private static List<String> mismatches(Value result) {
		Value list = result.getArrayElement(1);
		return LongStream.range(0, list.getArraySize())
			.mapToObj((i) -> list.getArrayElement(i).asString())
			.toList();
	}

	private static Value python(String name) {
		return context.getBindings("python").getMember(name);
	}

}
