package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training run ({@code spring.context.exit=onRefresh}) loads the preloaded scripts
 * before the refresh ends; any other run leaves them to the web server's start. The
 * context runner starts no web server, so {@link WsgiPreloader} never fires here: a
 * script that was imported was imported by {@link WsgiTrainingRunPreloader}.
 */
class WsgiTrainingRunTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WsgiAutoConfiguration.class));

	@TempDir
	Path dir;

	@BeforeAll
	static void initializeLifecycleProcessorBeforeThePropertyIsSet() {
		// DefaultLifecycleProcessor reads spring.context.exit once, as its class is
		// initialized, and halts the JVM at the end of every refresh when it was set
		new DefaultLifecycleProcessor();
	}

	@AfterEach
	void clearExitProperty() {
		SpringProperties.setProperty(OnTrainingRunCondition.EXIT_PROPERTY, null);
	}

	@Test
	void trainingRunImportsPreloadedScriptsBeforeTheRefreshEnds() throws IOException {
		Path marker = this.dir.resolve("imported");
		SpringProperties.setProperty(OnTrainingRunCondition.EXIT_PROPERTY, "onrefresh");
		this.contextRunner.withPropertyValues(scriptAlias(marker, true)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WsgiTrainingRunPreloader.class);
			assertThat(marker).as("written by the script as it is imported").exists();
		});
	}

	@Test
	void trainingRunLeavesScriptsWithoutPreloadToTheirFirstRequest() throws IOException {
		Path marker = this.dir.resolve("imported");
		SpringProperties.setProperty(OnTrainingRunCondition.EXIT_PROPERTY, "onRefresh");
		this.contextRunner.withPropertyValues(scriptAlias(marker, false)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WsgiTrainingRunPreloader.class);
			assertThat(marker).doesNotExist();
		});
	}

	@Test
	void otherRunsLeavePreloadingToTheWebServerStart() throws IOException {
		Path marker = this.dir.resolve("imported");
		SpringProperties.setProperty(OnTrainingRunCondition.EXIT_PROPERTY, "onClose");
		this.contextRunner.withPropertyValues(scriptAlias(marker, true)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WsgiTrainingRunPreloader.class);
			assertThat(marker).doesNotExist();
		});
	}

	@Test
	void trainingRunFailsOnAScriptThatDoesNotLoad() throws IOException {
		Path script = this.dir.resolve("broken.wsgi");
		Files.writeString(script, "def application(environ, start_response):\n    return [b'x'\n");
		SpringProperties.setProperty(OnTrainingRunCondition.EXIT_PROPERTY, "onRefresh");
		this.contextRunner
			.withPropertyValues("wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=file:" + script,
					"wsgi.script-aliases[0].preload=true")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("broken.wsgi"));
	}

	private String[] scriptAlias(Path marker, boolean preload) throws IOException {
		Path script = this.dir.resolve("app.wsgi");
		Files.writeString(script, """
				open('%s', 'w').close()

				def application(environ, start_response):
				    start_response('200 OK', [('Content-Type', 'text/plain')])
				    return [b'ok']
				""".formatted(marker));
		return new String[] { "wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=file:" + script,
				"wsgi.script-aliases[0].preload=" + preload };
	}

}
