package dev.wsgiboot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.wsgiboot.core.runtime.ScriptLoadException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A preloaded script that cannot load stops a real application at startup,
 * and the failure report shows the Python traceback (file and line).
 */
@ExtendWith(OutputCaptureExtension.class)
class WsgiStartupFailureTests {

	@Test
	void preloadedScriptWithSyntaxErrorFailsStartupWithFileAndLine(CapturedOutput output) {
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		assertThatException()
			.isThrownBy(() -> application.run("--server.port=0", "--spring.application.name=startup-failure",
					"--wsgi.script-aliases[0].url=/broken",
					"--wsgi.script-aliases[0].path=classpath:wsgi/broken_syntax.wsgi",
					"--wsgi.script-aliases[0].preload=true"))
			.satisfies((failure) -> {
				ScriptLoadException cause = WsgiAutoConfigurationTests.findCause(failure, ScriptLoadException.class);
				assertThat(cause.getScriptName()).isEqualTo("classpath:wsgi/broken_syntax.wsgi");
				assertThat(cause.getDetail()).contains("SyntaxError").contains("line 1");
				FailureAnalysis analysis = new WsgiScriptLoadFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("classpath:wsgi/broken_syntax.wsgi", "line 1");
			});
		assertThat(output).contains("APPLICATION FAILED TO START").contains("broken_syntax.wsgi");
	}

}
