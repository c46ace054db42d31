package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import dev.wsgiboot.autoconfigure.WsgiWarmUpProperties.WarmUpRequest;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Runs the {@code wsgi.warm-up}: once the server listens (an
 * {@link ApplicationRunner} runs after the context has started and the
 * liveness state is CORRECT), each configured request is sent once, in order,
 * then all of them round-robin on {@code concurrency} connections until the JIT
 * compilers have been quiet for {@code quiet-period} (see
 * {@link CompilerActivity}), at most for {@code duration}. With
 * {@code hold-readiness} (the default) the runner returns
 * only then, so the application reports ready (and a readiness probe or load
 * balancer sends traffic) once its Python code has been compiled; otherwise the
 * warm-up runs in the background. Answers are counted by status and logged; a
 * request that cannot be sent ends its connection's part with a warning. The
 * application's start never fails because of the warm-up.
 */
final class WsgiWarmUp implements ApplicationRunner, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WsgiWarmUp.class);

	/** How often the compilers' activity is sampled. */
	private static final long SAMPLE_MILLIS = 1000;

	private final WsgiWarmUpProperties properties;

	private final List<WarmUpRequest> requests;

	private final ApplicationContext context;

	private volatile boolean stopped;

	private final List<WarmUpConnection> connections = new ArrayList<>();

	WsgiWarmUp(WsgiWarmUpProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.requests = properties.toRequests();
		this.context = context;
		if (!this.requests.isEmpty()) {
			requirePlainHttp(context.getEnvironment());
		}
	}

	private static void requirePlainHttp(Environment environment) {
		boolean ssl = environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (environment.containsProperty("server.ssl.bundle")
						|| environment.containsProperty("server.ssl.key-store")
						|| environment.containsProperty("server.ssl.certificate"));
		if (ssl) {
			throw new WsgiConfigException("wsgi.warm-up.requests",
					"the server speaks HTTPS (server.ssl.*), the warm-up only plain HTTP",
					"Remove wsgi.warm-up.requests, or serve plain HTTP and terminate TLS in front of the application.");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.requests.isEmpty() || !(this.context instanceof WebServerApplicationContext web)
				|| web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		InetSocketAddress address = new InetSocketAddress(serverAddress(), port);
		if (this.properties.isHoldReadiness()) {
			logger.info("WSGI warm-up: {} before the application reports ready", plan());
			warmUp(address, port);
		}
		else {
			logger.info("WSGI warm-up: {}, in the background", plan());
			Thread thread = new Thread(() -> warmUp(address, port), "wsgi-warm-up");
			thread.setDaemon(true);
			thread.start();
		}
	}

	private String plan() {
		String plan = this.requests.size() + " request(s) on " + this.properties.getConcurrency() + " connection(s) for "
				+ (this.properties.isUntilCompiled() ? "at most " : "")
				+ DurationStyle.SIMPLE.print(this.properties.getDuration(), ChronoUnit.SECONDS);
		return this.properties.isUntilCompiled() ? plan + " (until the JIT compilers have been quiet for "
				+ DurationStyle.SIMPLE.print(this.properties.getQuietPeriod(), ChronoUnit.SECONDS) + ")" : plan;
	}

	private InetAddress serverAddress() {
		String configured = this.context.getEnvironment().getProperty("server.address");
		if (configured != null && !configured.isBlank()) {
			try {
				InetAddress address = InetAddress.getByName(configured.trim());
				if (!address.isAnyLocalAddress()) {
					return address;
				}
			}
			catch (IOException ex) {
				logger.warn("WSGI warm-up: cannot resolve server.address '{}', using the loopback address", configured);
			}
		}
		return InetAddress.getLoopbackAddress();
	}

	private void warmUp(InetSocketAddress address, int port) {
		long start = System.nanoTime();
		// what a client connecting to this address sends (curl, a load tester, a probe)
		InetAddress ip = address.getAddress();
		String defaultHost = ((ip instanceof Inet6Address) ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress()) + ":"
				+ port;
		List<Target> targets = new ArrayList<>();
		for (WarmUpRequest request : this.requests) {
			targets.add(new Target(request, WarmUpConnection.encode(request, defaultHost)));
		}
		int timeout = (int) Math.min(Integer.MAX_VALUE, this.properties.getRequestTimeout().toMillis());
		// each request once, in order: the first ones load the scripts, and a broken one shows here
		try (WarmUpConnection connection = register(new WarmUpConnection(address, timeout))) {
			for (Target target : targets) {
				if (this.stopped) {
					break;
				}
				target.send(connection);
			}
		}
		long deadline = System.nanoTime() + this.properties.getDuration().toNanos();
		AtomicBoolean finished = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		if (!this.properties.getDuration().isZero()) {
			for (int i = 0; i < this.properties.getConcurrency(); i++) {
				Thread worker = new Thread(() -> sendUntil(deadline, finished, targets, next, address, timeout),
						"wsgi-warm-up-" + (i + 1));
				worker.setDaemon(true);
				worker.start();
				workers.add(worker);
			}
		}
		String ending = watch(workers, deadline, finished);
		report(targets, Duration.ofNanos(System.nanoTime() - start), ending);
	}

	/**
	 * Waits for the workers; with {@code until-compiled}, ends their sending once
	 * the compilers have been quiet (below a tenth of a core) for the quiet period.
	 * @return why the warm-up ended, for the log
	 */
	private String watch(List<Thread> workers, long deadline, AtomicBoolean finished) {
		CompilerActivity compilers = this.properties.isUntilCompiled() ? new CompilerActivity() : null;
		long quietNeeded = Math.max(1, this.properties.getQuietPeriod().toMillis());
		long quietSince = System.nanoTime();
		String ending = "after " + DurationStyle.SIMPLE.print(this.properties.getDuration(), ChronoUnit.SECONDS);
		try {
			for (Thread worker : workers) {
				while (worker.isAlive()) {
					worker.join(SAMPLE_MILLIS);
					if (compilers == null || !compilers.isMeasurable() || finished.get()) {
						continue;
					}
					long now = System.nanoTime();
					long busy = compilers.busyNanos();
					if (busy * 10 > SAMPLE_MILLIS * 1_000_000L) {
						quietSince = now;
					}
					else if ((now - quietSince) / 1_000_000 >= quietNeeded && now - deadline < 0) {
						finished.set(true);
						ending = "once the JIT compilers had been quiet for "
								+ DurationStyle.SIMPLE.print(this.properties.getQuietPeriod(), ChronoUnit.SECONDS);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopped = true;
		}
		if (this.stopped) {
			return "early: the application is closing";
		}
		if (!finished.get() && System.nanoTime() - deadline < 0) {
			return "early: none of the requests could be sent any more";
		}
		return ending;
	}

	private void sendUntil(long deadline, AtomicBoolean finished, List<Target> targets, AtomicInteger next,
			InetSocketAddress address, int timeout) {
		try (WarmUpConnection connection = register(new WarmUpConnection(address, timeout))) {
			while (!this.stopped && !finished.get() && System.nanoTime() - deadline < 0) {
				Target target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
				if (target.failed || !target.send(connection)) {
					if (targets.stream().allMatch((t) -> t.failed)) {
						return;
					}
				}
			}
		}
	}

	private WarmUpConnection register(WarmUpConnection connection) {
		synchronized (this.connections) {
			this.connections.add(connection);
		}
		return connection;
	}

	private void report(List<Target> targets, Duration took, String ending) {
		long total = 0;
		StringBuilder summary = new StringBuilder();
		for (Target target : targets) {
			long count = target.answered();
			total += count;
			summary.append((summary.length() > 0) ? ", " : "")
				.append(target.request.describe())
				.append(' ')
				.append(target.statuses());
			long unsuccessful = target.unsuccessful();
			if (unsuccessful > 0) {
				logger.warn("WSGI warm-up: {} got {} answer(s) other than 2xx/3xx ({}); check {}",
						target.request.describe(), unsuccessful, target.statuses(), target.request.property());
			}
		}
		logger.info("WSGI warm-up: {} answers in {} ms, ended {} ({})", total, took.toMillis(), ending, summary);
	}

	/** Stops a warm-up still running (the application is closing). */
	@Override
	public void destroy() {
		this.stopped = true;
		synchronized (this.connections) {
			this.connections.forEach(WarmUpConnection::close);
		}
	}

	/** One configured request, its bytes and the answers it got. */
	private final class Target {

		final WarmUpRequest request;

		private final byte[] bytes;

		private final boolean head;

		private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		volatile boolean failed;

		Target(WarmUpRequest request, byte[] bytes) {
			this.request = request;
			this.bytes = bytes;
			this.head = request.method().equals("HEAD");
		}

		/** Sends it once on {@code connection}; false (and a warning, once) when it could not be sent. */
		boolean send(WarmUpConnection connection) {
			try {
				int status = connection.send(this.bytes, this.head);
				this.statuses.computeIfAbsent(status, (key) -> new LongAdder()).increment();
				return true;
			}
			catch (IOException ex) {
				if (!WsgiWarmUp.this.stopped && !this.failed) {
					this.failed = true;
					logger.warn("WSGI warm-up: {} failed, not sent again: {}", this.request.describe(), ex.toString());
				}
				return false;
			}
		}

		long answered() {
			return this.statuses.values().stream().mapToLong(LongAdder::sum).sum();
		}

		long unsuccessful() {
			return this.statuses.entrySet()
				.stream()
				.filter((entry) -> entry.getKey() < 200 || entry.getKey() >= 400)
				.mapToLong((entry) -> entry.getValue().sum())
				.sum();
		}

		/** {@code 200 x 1234, 404 x 2}. */
		String statuses() {
			StringBuilder text = new StringBuilder();
			new TreeMap<>(this.statuses).forEach((status, count) -> text.append((text.length() > 0) ? ", " : "")
				.append(status)
				.append(" x ")
				.append(count.sum()));
			return text.isEmpty() ? "no answer" : text.toString();
		}

	}

}
