package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;
import dev.wsgiboot.core.runtime.ProcessGroupState;
import dev.wsgiboot.core.runtime.WsgiRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timers of daemon process groups (request-timeout, restart-interval,
 * inactivity-timeout), their Python environment (python-path, lang, locale),
 * WSGIImportScript, the pool state API, and requests queued for a busy interpreter
 * (served in turn, or refused with 503 after queue-timeout).
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=lifecycle", "wsgi.application-group=%{GLOBAL}",
				"wsgi.script-aliases[0].url=/", "wsgi.script-aliases[0].path=classpath:wsgi/lifecycle.wsgi",
				"wsgi.daemon-processes.timeout.threads=2", "wsgi.daemon-processes.timeout.request-timeout=1500ms",
				"wsgi.daemon-processes.timeout.graceful-timeout=1s",
				"wsgi.daemon-processes.restart.restart-interval=2s",
				"wsgi.daemon-processes.idle.inactivity-timeout=1s",
				"wsgi.daemon-processes.env.lang=en_GB.UTF-8", "wsgi.daemon-processes.env.locale=C.UTF-8",
				"wsgi.daemon-processes.env.python-path[0]=/srv/lifecycle-test-lib",
				"wsgi.daemon-processes.env.startup-timeout=60s",
				"wsgi.import-scripts[0].path=classpath:wsgi/startup_marker.wsgi",
				"wsgi.import-scripts[0].process-group=env", "wsgi.import-scripts[0].application-group=%{GLOBAL}",
				"wsgi.locations[0].path=/timeout", "wsgi.locations[0].process-group=timeout",
				"wsgi.locations[1].path=/restart", "wsgi.locations[1].process-group=restart",
				"wsgi.locations[2].path=/idle", "wsgi.locations[2].process-group=idle",
				"wsgi.locations[3].path=/env", "wsgi.locations[3].process-group=env",
				"wsgi.daemon-processes.queue.threads=1", "wsgi.daemon-processes.queue.queue-timeout=30s",
				"wsgi.locations[4].path=/queue", "wsgi.locations[4].process-group=queue",
				"wsgi.daemon-processes.full.threads=1", "wsgi.daemon-processes.full.queue-timeout=1s",
				"wsgi.locations[5].path=/full", "wsgi.locations[5].process-group=full" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiInterpreterLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	WsgiRuntime runtime;

	@Test
	void requestTimeoutInterruptsARequestOnTheCpuAnswers504AndRenewsTheInterpreter() throws Exception {
		String before = interpreter("/timeout/x");
		long start = System.nanoTime();
		RawResponse timedOut = send("/timeout/x?spin=60");
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		assertThat(awaitNewInterpreter("/timeout/x", before, Duration.ofSeconds(30))).isTrue();
	}

	@Test
	void restartIntervalRenewsInterpretersWhileServing() throws Exception {
		String first = interpreter("/restart/x");
		assertThat(awaitNewInterpreter("/restart/x", first, Duration.ofSeconds(30))).isTrue();
		ProcessGroupState restart = group("restart");
		assertThat(restart.slots().get(0).recycles()).isPositive();
	}

	@Test
	void inactivityTimeoutDropsIdleInterpreters() throws Exception {
		String first = interpreter("/idle/x");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!group("idle").slots().get(0).applicationGroups().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(group("idle").slots().get(0).applicationGroups()).isEmpty();
		Map<String, Object> again = document("/idle/x");
		assertThat(again.get("interpreter")).isNotEqualTo(first);
		assertThat(((Number) again.get("requests")).intValue()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void daemonGroupHasItsOwnPythonPathAndLocaleAndImportedScripts() throws IOException {
		// WSGIImportScript loaded the marker at startup, before any request
		assertThat(group("env").slots().get(0).applicationGroups()).contains("");
		Map<String, Object> env = document("/env/x");
		assertThat(env).containsEntry("process_group", "env")
			.containsEntry("lang", "en_GB.UTF-8")
			.containsEntry("lc_all", "C.UTF-8")
			.containsEntry("preloaded", true);
		assertThat((List<Object>) env.get("sys_path")).contains("/srv/lifecycle-test-lib");
		Map<String, Object> embedded = document("/x");
		assertThat(embedded).containsEntry("preloaded", false);
		assertThat((List<Object>) embedded.get("sys_path")).doesNotContain("/srv/lifecycle-test-lib");
	}

	@Test
	void poolStateListsEveryGroup() throws IOException {
		document("/x");
		List<ProcessGroupState> groups = this.runtime.processGroups();
		assertThat(groups).extracting(ProcessGroupState::name)
			.containsExactlyInAnyOrder("%{GLOBAL}", "timeout", "restart", "idle", "env", "queue", "full");
		ProcessGroupState embedded = groups.get(0);
		assertThat(embedded.name()).isEqualTo("%{GLOBAL}");
		assertThat(embedded.served()).isPositive();
		assertThat(embedded.inFlight()).isZero();
		assertThat(group("timeout").threads()).isEqualTo(2);
	}

	private ProcessGroupState group(String name) {
		return this.runtime.processGroups()
			.stream()
			.filter((state) -> state.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void requestsQueuedForABusyInterpreterAreAllServedInTurn() throws Exception {
		String first = interpreter("/queue/x");
		int clients = 8;
		int requestsEach = 15;
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		try {
			List<Future<List<Integer>>> results = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				results.add(executor.submit(() -> {
					List<Integer> statuses = new ArrayList<>();
					for (int r = 0; r < requestsEach; r++) {
						statuses.add(send("/queue/x?sleep=0.005").status());
					}
					return statuses;
				}));
			}
			for (Future<List<Integer>> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(requestsEach).containsOnly(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		// one slot of one thread: every request waited its turn for the same interpreter
		Map<String, Object> after = document("/queue/x");
		assertThat(after.get("interpreter")).isEqualTo(first);
		assertThat(((Number) after.get("requests")).intValue()).isEqualTo(clients * requestsEach + 2);
	}

	@Test
	void requestWaitingLongerThanQueueTimeoutIs503AndThePlaceStaysUsable(CapturedOutput output) throws Exception {
		String first = interpreter("/full/x");
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<RawResponse> slow = executor.submit(() -> send("/full/x?sleep=4"));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (group("full").inFlight() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(group("full").inFlight()).isEqualTo(1);
			long start = System.nanoTime();
			RawResponse refused = send("/full/x");
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
			assertThat(output).contains("no interpreter became free within 1000 ms");
			assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		}
		finally {
			executor.shutdownNow();
		}
		// the request that gave up left nothing behind: the place serves the next one
		Map<String, Object> after = document("/full/x");
		assertThat(after.get("interpreter")).isEqualTo(first);
		assertThat(((Number) after.get("requests")).intValue()).isEqualTo(3);
		assertThat(group("full").inFlight()).isZero();
	}

	private boolean awaitNewInterpreter(String target, String old, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!interpreter(target).equals(old)) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private String interpreter(String target) throws IOException {
		return (String) document(target).get("interpreter");
	}

	private Map<String, Object> document(String target) throws IOException {
		RawResponse response = send(target);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return OracleGolden.parse(response.body());
	}

	private RawResponse send(String target) throws IOException {
		return new RawHttpClient(this.port)
			.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
	}

}
