package dev.wsgiboot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm-up request that cannot be answered in {@code request-timeout} is
 * warned about once and not sent again; with nothing left to send the warm-up
 * ends early, and the application still starts and becomes ready.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wsgi.script-aliases[0].url=/warm", "wsgi.script-aliases[0].path=classpath:wsgi/warm_up.wsgi",
				"wsgi.script-aliases[0].preload=true", "wsgi.warm-up.requests[0].url=/warm/slow",
				"wsgi.warm-up.request-timeout=1s", "wsgi.warm-up.duration=60s" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiWarmUpFailureTests {

	@Autowired
	ApplicationAvailability availability;

	@Test
	void aRequestThatTimesOutIsNotSentAgainAndTheApplicationStillStarts(CapturedOutput output) {
		assertThat(output.getAll()).contains("WSGI warm-up: GET /warm/slow failed, not sent again: java.net.SocketTimeoutException")
			.containsPattern("WSGI warm-up: 0 answers in \\d+ ms, ended early: none of the requests could be sent any more "
					+ "\\(GET /warm/slow no answer\\)");
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

}
