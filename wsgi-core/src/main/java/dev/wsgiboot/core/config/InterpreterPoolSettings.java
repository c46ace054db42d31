package dev.wsgiboot.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizing of a process group's interpreter pool: {@code processes} interpreter
 * slots (each a GraalPy context per application group, so each has its own GIL)
 * admitting up to {@code threads} concurrent requests each.
 *
 * @param processes the number of interpreter slots; more slots run Python in
 * parallel, each costs memory and warm-up
 * @param threads concurrent requests per slot (they share the slot's GIL)
 * @param queueTimeout how long a request waits for a free slot before it is
 * answered with 503
 * @param maximumRequests requests a slot serves before its interpreters are
 * replaced by fresh ones (0: never)
 * @param lifecycle the timers that renew interpreters or bound requests
 */
public record InterpreterPoolSettings(int processes, int threads, Duration queueTimeout, int maximumRequests,
		InterpreterLifecycle lifecycle) {

	public InterpreterPoolSettings(int processes, int threads, Duration queueTimeout) {
		this(processes, threads, queueTimeout, 0, InterpreterLifecycle.DEFAULT);
	}

	public InterpreterPoolSettings {
		Objects.requireNonNull(queueTimeout, "queueTimeout");
		Objects.requireNonNull(lifecycle, "lifecycle");
		if (processes < 1) {
			throw new IllegalArgumentException("processes must be at least 1, got " + processes);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		}
		if (maximumRequests < 0) {
			throw new IllegalArgumentException("maximumRequests must not be negative, got " + maximumRequests);
		}
	}

}
