package dev.wsgiboot.core.config;

import java.time.Duration;
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
 */
public record DaemonProcessGroup(String name, int processes, boolean processesGiven, int threads,
		int maximumRequests, String displayName, String origin) {

	public static final int DEFAULT_THREADS = 15;

	public DaemonProcessGroup {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(origin, "origin");
		if (processes < 1 || threads < 1 || maximumRequests < 0) {
			throw new WsgiConfigException(origin,
					"processes and threads must be at least 1 and maximum-requests not negative",
					"Fix the daemon process group '" + name + "'.");
		}
	}

	/** The pool settings of this group. */
	public InterpreterPoolSettings poolSettings(Duration queueTimeout) {
		return new InterpreterPoolSettings(this.processes, this.threads, queueTimeout, this.maximumRequests);
	}

	/** {@code wsgi.multiprocess} by mod_wsgi's rule: true when {@code processes=} was given. */
	public boolean multiprocess() {
		return this.processesGiven;
	}

	/** {@code wsgi.run_once}: true only for one thread recycled after every request. */
	public boolean runOnce() {
		return this.threads == 1 && this.maximumRequests == 1;
	}

}
