package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the server publishes mod_wsgi's {@code process_stopping} event in
 * every idle interpreter, as mod_wsgi does in each process it stops; a
 * subscriber that does not return is cut off after the group's
 * shutdown-timeout instead of holding the JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class WsgiShutdownTests {

	@Test
	void stoppingTheServerTellsShutdownSubscribersAndBoundsThem(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Path embedded = directory.resolve("embedded.txt");
		Path hanging = directory.resolve("hang.txt");
		ConfigurableApplicationContext context = new SpringApplication(WsgiTestApplication.class).run(
				"--server.port=0", "--spring.application.name=shutdown",
				"--wsgi.script-aliases[0].url=/embedded", "--wsgi.script-aliases[0].path=classpath:wsgi/stopping.wsgi",
				"--wsgi.script-aliases[1].url=/daemon", "--wsgi.script-aliases[1].path=classpath:wsgi/stopping.wsgi",
				"--wsgi.script-aliases[1].process-group=slow", "--wsgi.daemon-processes.slow.shutdown-timeout=1s");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		RawHttpClient http = new RawHttpClient(port);
		assertThat(http.get("/embedded?" + embedded).text()).isEqualTo("ok");
		assertThat(http.get("/daemon?" + hanging).text()).isEqualTo("ok");
		long start = System.nanoTime();
		context.close();
		Duration closing = Duration.ofNanos(System.nanoTime() - start);
		assertThat(Files.readString(embedded)).endsWith("process_stopping {'shutdown_reason': ''}\n");
		// the hanging subscriber started, was cancelled after 1 s, and never finished
		assertThat(Files.readString(hanging)).endsWith("process_stopping {'shutdown_reason': ''}\n");
		assertThat(output).contains("process_stopping subscribers still running after 1000 ms; closing the interpreter");
		assertThat(closing).isLessThan(Duration.ofSeconds(20));
	}

}
