package dev.wsgiboot.core.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code WSGIDaemonProcess name options}: a named process group whose
 * "processes" are interpreter slots of this JVM.
 *
 * @param name the group's name ({@code mod_wsgi.process_group})
 * @param processes interpreter slots (mod_wsgi's default: 1)
 * @param processesGiven whether {@code processes=} was written: mod_wsgi then
 * reports {@code wsgi.multiprocess} true, even for 1
 * @param threads concurrent requests per slot (mod_wsgi's default: 15)
 * @param maximumRequests requests a slot serves before it is recycled (0: never)
 * @param displayName {@code display-name}, or {@code null}
 * @param origin where it was declared, for messages
 * @param queueTimeout {@code queue-timeout}: how long a request waits for a
 * free slot before a 503, or {@code null} for the server's default
 * @param lifecycle restart, inactivity, request, graceful, shutdown and startup
 * timers
 * @param environment the group's own Python path, virtual environment and
 * locale
 * @param osProcessOptions options that only a separate operating-system
 * process could honour ({@code user=}, {@code home=}, {@code memory-limit=}...)
 * as written, in the order written; the server refuses a group that has any
 * unless told to ignore them
 */
public record DaemonProcessGroup(String name, int processes, boolean processesGiven, int threads,
		int maximumRequests, String displayName, String origin, Duration queueTimeout, InterpreterLifecycle lifecycle,
		InterpreterEnvironment environment, Map<String, String> osProcessOptions) {

	public static final int DEFAULT_THREADS = 15;

	public DaemonProcessGroup(String name, int processes, boolean processesGiven, int threads, int maximumRequests,
			String displayName, String origin) {
		this(name, processes, processesGiven, threads, maximumRequests, displayName, origin, null,
				InterpreterLifecycle.DEFAULT, InterpreterEnvironment.NONE, Map.of());
	}

	public DaemonProcessGroup {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(lifecycle, "lifecycle");
		Objects.requireNonNull(environment, "environment");
		osProcessOptions = Collections.unmodifiableMap(new LinkedHashMap<>(osProcessOptions));
		if (processes < 1 || threads < 1 || maximumRequests < 0) {
			throw new WsgiConfigException(origin,
					"processes and threads must be at least 1 and maximum-requests not negative",
					"Fix the daemon process group '" + name + "'.");
		}
		if (queueTimeout != null && (queueTimeout.isNegative() || queueTimeout.isZero())) {
			throw new WsgiConfigException(origin, "queue-timeout must be positive, got " + queueTimeout,
					"Fix the daemon process group '" + name + "'.");
		}
	}

	/** The pool settings of this group; {@code defaultQueueTimeout} unless it has its own. */
	public InterpreterPoolSettings poolSettings(Duration defaultQueueTimeout) {
		return new InterpreterPoolSettings(this.processes, this.threads,
				(this.queueTimeout != null) ? this.queueTimeout : defaultQueueTimeout, this.maximumRequests,
				this.lifecycle);
	}

	/** {@code wsgi.multiprocess} by mod_wsgi's rule: true when {@code processes=} was given. */
	public boolean multiprocess() {
		return this.processesGiven;
	}

	/** {@code wsgi.run_once}: true only for one thread recycled after every request. */
	public boolean runOnce() {
		return this.threads == 1 && this.maximumRequests == 1;
	}

	/** The same group without its operating-system process options. */
	public DaemonProcessGroup withoutOsProcessOptions() {
		return new DaemonProcessGroup(this.name, this.processes, this.processesGiven, this.threads,
				this.maximumRequests, this.displayName, this.origin, this.queueTimeout, this.lifecycle,
				this.environment, Map.of());
	}

}
