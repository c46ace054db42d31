package dev.wsgiboot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.core.runtime.ProcessGroupState;
import dev.wsgiboot.core.runtime.WsgiRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load on loopback (4 clients for 20 seconds) against a daemon group
 * recycled every 50 requests: interpreters are replaced many times, no request
 * fails.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=recycling", "wsgi.script-aliases[0].url=/",
				"wsgi.script-aliases[0].path=classpath:wsgi/lifecycle.wsgi",
				"wsgi.script-aliases[0].process-group=recycled", "wsgi.script-aliases[0].preload=true",
				"wsgi.daemon-processes.recycled.processes=2", "wsgi.daemon-processes.recycled.threads=2",
				"wsgi.daemon-processes.recycled.maximum-requests=50" })
class WsgiRecyclingLoadTests {

	private static final Duration LOAD = Duration.ofSeconds(20);

	private static final int CLIENTS = 4;

	@LocalServerPort
	int port;

	@Autowired
	WsgiRuntime runtime;

	@Test
	void noRequestFailsWhileInterpretersRecycle() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/load"))
			.timeout(Duration.ofSeconds(60))
			.build();
		AtomicInteger ok = new AtomicInteger();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + LOAD.toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			running.add(clients.submit(() -> {
				while (System.nanoTime() < deadline) {
					try {
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() == 200 && response.body().contains("\"interpreter\"")) {
							ok.incrementAndGet();
						}
						else {
							failures.add(response.statusCode() + " " + response.body());
						}
					}
					catch (Exception ex) {
						failures.add(ex.toString());
					}
				}
				return null;
			}));
		}
		for (Future<?> future : running) {
			future.get();
		}
		clients.shutdown();
		ProcessGroupState recycled = this.runtime.processGroups()
			.stream()
			.filter((state) -> state.name().equals("recycled"))
			.findFirst()
			.orElseThrow();
		long recycles = recycled.slots().stream().mapToLong(ProcessGroupState.Slot::recycles).sum();
		System.out.printf("recycling load: %d requests in %d s, %d failures, %d recycles%n", ok.get(),
				LOAD.toSeconds(), failures.size(), recycles);
		assertThat(failures).isEmpty();
		assertThat(ok.get()).isGreaterThan(200);
		assertThat(recycles).isGreaterThanOrEqualTo(ok.get() / 50 / 2);
	}

}
