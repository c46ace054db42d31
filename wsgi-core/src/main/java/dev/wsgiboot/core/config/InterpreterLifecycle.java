package dev.wsgiboot.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a process group's interpreters are renewed and how long they may take:
 * mod_wsgi's daemon process timeouts, applied to interpreter slots. A zero
 * duration switches a timer off.
 *
 * @param restartInterval a slot's interpreters are replaced after this long
 * (mod_wsgi's {@code restart-interval})
 * @param inactivityTimeout a slot that served no request for this long drops
 * its interpreters, freeing their memory; the next request creates them again
 * ({@code inactivity-timeout})
 * @param requestTimeout a request still running after this long is interrupted
 * and answered with 504; the interpreters it ran in are replaced
 * ({@code request-timeout})
 * @param gracefulTimeout how long requests still running in replaced
 * interpreters may finish before those are closed anyway
 * ({@code graceful-timeout})
 * @param shutdownTimeout how long running requests may finish when the server
 * stops ({@code shutdown-timeout})
 * @param startupTimeout how long preloading a script may take at startup before
 * startup fails ({@code startup-timeout})
 */
public record InterpreterLifecycle(Duration restartInterval, Duration inactivityTimeout, Duration requestTimeout,
		Duration gracefulTimeout, Duration shutdownTimeout, Duration startupTimeout) {

	/** mod_wsgi's defaults: no timers but graceful-timeout 15 s and shutdown-timeout 5 s. */
	public static final InterpreterLifecycle DEFAULT = new InterpreterLifecycle(Duration.ZERO, Duration.ZERO,
			Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ZERO);

	public InterpreterLifecycle {
		Objects.requireNonNull(restartInterval, "restartInterval");
		Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		Objects.requireNonNull(gracefulTimeout, "gracefulTimeout");
		Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
		Objects.requireNonNull(startupTimeout, "startupTimeout");
	}

	/** Whether a timer needs checking now and then (restart-interval or inactivity-timeout). */
	public boolean hasTimers() {
		return !this.restartInterval.isZero() || !this.inactivityTimeout.isZero();
	}

}
