package dev.wsgiboot.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.InterpreterLifecycle;
import dev.wsgiboot.core.config.InterpreterPoolSettings;
import dev.wsgiboot.core.config.ScriptSource;

/**
 * The interpreters of one process group: {@code processes} slots (mod_wsgi's
 * processes), each admitting {@code threads} concurrent requests and holding
 * one generation of interpreters, one per application group it has served.
 * <p>
 * A request takes the least busy started slot (the lowest one on a tie, so that
 * sequential traffic always meets the same module state). When every started
 * slot is busy and slots remain, the next one is started in the background,
 * warmed with the groups and scripts of the first, and joins when ready: no
 * request waits for an interpreter to be created while another one can serve
 * it.
 * <p>
 * A slot's generation is replaced (mod_wsgi restarts a daemon process) after
 * {@code maximum-requests}, after {@code restart-interval}, after a request
 * exceeded {@code request-timeout}, and dropped after
 * {@code inactivity-timeout}. The replacement is created and warmed in the
 * background before it is needed (from half of maximum-requests on), so a slot
 * normally switches at once; the old generation finishes its running requests
 * (for up to {@code graceful-timeout}) and is then closed. Only when
 * maximum-requests is reached before the replacement is ready do new requests
 * wait for it (or go to other slots), so that no request ever sees module state
 * older than maximum-requests allows.
 */
final class InterpreterPool implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InterpreterPool.class);

	private final String name;

	private final InterpreterPoolSettings settings;

	private final Function<String, InterpreterSpec> specs;

	private final PythonEngine engine;

	private final Slot[] slots;

	private final AtomicInteger started = new AtomicInteger(1);

	private final AtomicBoolean growing = new AtomicBoolean();

	/** Requests waiting for a place, in order of arrival. */
	private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();

	/** Starts slots, warms replacements, runs the timers: one daemon thread. */
	private final ScheduledExecutorService background;

	private volatile boolean closed;

	/** An interpreter being created before any application group asked for one; see {@link #startEarly()}. */
	private final AtomicReference<CompletableFuture<Interpreter>> early = new AtomicReference<>();

	InterpreterPool(String name, InterpreterPoolSettings settings, PythonEngine engine,
			Function<String, InterpreterSpec> specs) {
		this.name = name;
		this.settings = settings;
		this.engine = engine;
		this.specs = specs;
		this.slots = new Slot[settings.processes()];
		for (int i = 0; i < this.slots.length; i++) {
			this.slots[i] = new Slot(i, settings.threads());
		}
		this.slots[0].current = new Generation();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "wsgi-pool-" + (name.isEmpty() ? "embedded" : name));
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.background = executor;
		InterpreterLifecycle lifecycle = settings.lifecycle();
		if (lifecycle.hasTimers()) {
			long period = Math.max(100, Math.min(1000,
					Math.min(positiveOr(lifecycle.restartInterval()), positiveOr(lifecycle.inactivityTimeout())) / 4));
			this.background.scheduleWithFixedDelay(this::checkTimers, period, period, TimeUnit.MILLISECONDS);
		}
	}

	private static long positiveOr(Duration duration) {
		return duration.isZero() ? Long.MAX_VALUE : duration.toMillis();
	}

	/**
	 * Takes a place in a slot, waiting up to the queue timeout.
	 * @return the place, to be given back with {@link #release(Lease)}
	 * @throws PoolBusyException when no place frees up in time
	 */
	Lease acquire(String applicationGroup) throws InterruptedException {
		// requests already waiting go first: a new one takes a free place at once only when none waits
		if (this.waiters.isEmpty()) {
			Lease lease = tryAcquire(applicationGroup);
			if (lease != null) {
				return lease;
			}
		}
		long deadline = System.nanoTime() + this.settings.queueTimeout().toNanos();
		Waiter waiter = new Waiter(applicationGroup);
		this.waiters.add(waiter);
		// a place freed before this request joined the queue has seen no one to hand it to
		dispatch();
		while (true) {
			Lease lease = waiter.lease();
			if (lease != null) {
				return lease;
			}
			long remaining = deadline - System.nanoTime();
			boolean interrupted = Thread.interrupted();
			if (this.closed || remaining <= 0 || interrupted) {
				if (waiter.cancel()) {
					this.waiters.remove(waiter);
					if (interrupted) {
						throw new InterruptedException();
					}
					throw new PoolBusyException(this.name, this.closed ? "the server is shutting down"
							: "no interpreter became free within " + this.settings.queueTimeout().toMillis() + " ms");
				}
				// a place was handed over at the same moment: take it
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				return waiter.lease();
			}
			LockSupport.parkNanos(this, remaining);
		}
	}

	void release(Lease lease) {
		Generation generation = lease.generation;
		int inFlight = generation.inFlight.decrementAndGet();
		long served = generation.served.incrementAndGet();
		generation.lastUsed = System.nanoTime();
		lease.slot.served.incrementAndGet();
		if (generation.retired) {
			if (inFlight == 0) {
				generation.closeIfIdle(displayName(), stopLimit());
			}
		}
		else {
			int maximum = this.settings.maximumRequests();
			if (generation.endedBy != null) {
				replace(lease.slot, generation, generation.endedBy, true);
			}
			else if (maximum > 0 && served >= maximum) {
				replace(lease.slot, generation, "maximum-requests", true);
			}
			else if (maximum > 0 && served >= maximum / 2) {
				prepareReplacement(lease.slot, generation);
			}
		}
		dispatch();
	}

	/**
	 * Hands free places to waiting requests, first come first served, and wakes
	 * each one it served (a freed place wakes exactly one request; a started
	 * slot or generation as many as it has places). Called after every change
	 * that may free a place, and by a request that has just joined the queue.
	 */
	private void dispatch() {
		Waiter head;
		while (!this.closed && (head = this.waiters.peek()) != null) {
			Lease lease = tryAcquire(head.applicationGroup);
			if (lease == null) {
				return;
			}
			Waiter waiter = this.waiters.poll();
			if (waiter == null) {
				// another thread served the queue meanwhile; a request that joined since may still need it
				giveBack(lease.generation);
				continue;
			}
			if (!waiter.offer(lease)) {
				// it gave up waiting (timeout, interrupt, shutdown): try the next one
				giveBack(lease.generation);
			}
		}
	}

	/** Returns a place that was taken but not used, closing a retired generation it was the last of. */
	private void giveBack(Generation generation) {
		if (generation.inFlight.decrementAndGet() == 0 && generation.retired) {
			generation.closeIfIdle(displayName(), stopLimit());
		}
	}

	private Lease tryAcquire(String applicationGroup) {
		int count = this.started.get();
		while (true) {
			Slot best = null;
			Generation bestGeneration = null;
			int bestLoad = Integer.MAX_VALUE;
			for (int i = 0; i < count; i++) {
				Slot slot = this.slots[i];
				Generation generation = slot.current;
				if (generation == null) {
					continue;
				}
				if (generation.endedBy != null) {
					// like a mod_wsgi process that was signalled to stop: restarted before it serves again
					replace(slot, generation, generation.endedBy, true);
					continue;
				}
				int load = generation.inFlight.get();
				if (load < bestLoad && load < slot.capacity) {
					best = slot;
					bestGeneration = generation;
					bestLoad = load;
				}
			}
			if (best == null) {
				maybeGrow(applicationGroup);
				return null;
			}
			if (bestGeneration.inFlight.compareAndSet(bestLoad, bestLoad + 1)) {
				if (best.current != bestGeneration) {
					// replaced while we chose it: give the place back
					giveBack(bestGeneration);
					continue;
				}
				if (bestLoad > 0) {
					maybeGrow(applicationGroup);
				}
				return new Lease(best, bestGeneration);
			}
		}
	}

	/**
	 * Starts the next slot in the background when every started slot is busy:
	 * first the interpreter of the application group in demand (with the scripts
	 * the first slot has loaded into it), then the slot joins, then its other
	 * groups are warmed.
	 */
	private void maybeGrow(String applicationGroup) {
		if (this.closed || this.started.get() >= this.slots.length || !this.growing.compareAndSet(false, true)) {
			return;
		}
		Slot next = this.slots[this.started.get()];
		this.background.execute(() -> {
			try {
				long start = System.nanoTime();
				Generation template = this.slots[0].current;
				Generation generation = new Generation();
				if (template != null) {
					generation.warmLike(template, applicationGroup, this);
				}
				next.current = generation;
				this.started.incrementAndGet();
				logger.info("Process group '{}': interpreter slot {} of {} ready in {} ms", displayName(),
						next.index + 1, this.slots.length, (System.nanoTime() - start) / 1_000_000);
				dispatch();
				if (template != null) {
					generation.warmLike(template, null, this);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Process group '{}': could not start interpreter slot {}", displayName(), next.index + 1,
						ex);
			}
			finally {
				this.growing.set(false);
			}
		});
	}

	/**
	 * Replaces a slot's generation: at once with a ready replacement, else as soon
	 * as one is warmed. {@code strict}: the old generation takes no new request
	 * meanwhile (maximum-requests); otherwise it serves until the replacement is
	 * ready.
	 */
	private void replace(Slot slot, Generation old, String reason, boolean strict) {
		synchronized (slot) {
			if (slot.current != old || this.closed) {
				return;
			}
			if (slot.replacement != null) {
				switchTo(slot, slot.replacement, reason);
				return;
			}
			slot.pendingReason = reason;
			if (strict) {
				slot.current = null;
				retire(old);
			}
		}
		prepareReplacement(slot, old);
	}

	/** Warms a replacement for the slot's generation in the background (once). */
	private void prepareReplacement(Slot slot, Generation template) {
		synchronized (slot) {
			if (slot.preparing || slot.replacement != null || this.closed) {
				return;
			}
			slot.preparing = true;
		}
		this.background.execute(() -> {
			Generation fresh = new Generation();
			try {
				fresh.warmLike(template, null, this);
			}
			catch (RuntimeException ex) {
				logger.warn("Process group '{}': could not warm replacement interpreters for slot {}", displayName(),
						slot.index + 1, ex);
			}
			synchronized (slot) {
				slot.preparing = false;
				if (this.closed) {
					fresh.close(stopLimit());
					return;
				}
				if (slot.pendingReason != null) {
					switchTo(slot, fresh, slot.pendingReason);
				}
				else {
					slot.replacement = fresh;
				}
			}
			dispatch();
		});
	}

	/** Makes {@code fresh} the slot's generation and retires the one it had; holds the slot's lock. */
	private void switchTo(Slot slot, Generation fresh, String reason) {
		Generation old = slot.current;
		slot.current = fresh;
		slot.replacement = null;
		slot.pendingReason = null;
		slot.recycles.incrementAndGet();
		fresh.lastUsed = System.nanoTime();
		if (old != null) {
			retire(old);
		}
		logger.info("Process group '{}': interpreter slot {} renewed ({})", displayName(), slot.index + 1, reason);
		dispatch();
	}

	/**
	 * Takes a generation out of service: closed when its last request finishes,
	 * or after graceful-timeout whatever runs in it.
	 */
	private void retire(Generation generation) {
		generation.retired = true;
		if (generation.inFlight.get() == 0) {
			generation.closeIfIdle(displayName(), stopLimit());
			return;
		}
		Duration graceful = this.settings.lifecycle().gracefulTimeout();
		if (!graceful.isZero()) {
			this.background.schedule(() -> generation.forceClose(displayName(), "graceful-timeout", stopLimit()),
					graceful.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** restart-interval and inactivity-timeout, checked now and then on the background thread. */
	private void checkTimers() {
		InterpreterLifecycle lifecycle = this.settings.lifecycle();
		long now = System.nanoTime();
		for (int i = 0; i < this.started.get(); i++) {
			Slot slot = this.slots[i];
			Generation generation = slot.current;
			if (generation == null || generation.interpreters.isEmpty()) {
				continue;
			}
			Duration inactivity = lifecycle.inactivityTimeout();
			if (!inactivity.isZero() && generation.inFlight.get() == 0
					&& now - generation.lastUsed >= inactivity.toNanos()) {
				synchronized (slot) {
					if (slot.current == generation && generation.inFlight.get() == 0) {
						// like a restarted daemon process: interpreters come back on demand
						Generation spare = slot.replacement;
						switchTo(slot, new Generation(), "inactivity-timeout");
						if (spare != null) {
							spare.close(stopLimit());
						}
					}
				}
				continue;
			}
			Duration restart = lifecycle.restartInterval();
			if (!restart.isZero() && now - generation.created >= restart.toNanos()) {
				replace(slot, generation, "restart-interval", false);
			}
		}
	}

	/**
	 * The application ended its process ({@code os._exit}): GraalPy ends the
	 * context's threads, not the JVM. As mod_wsgi's process would be restarted, the slot takes no new
	 * request until fresh interpreters are ready, and the old ones are closed once
	 * their running requests end.
	 */
	void restartAfterExit(Lease lease) {
		logger.warn("Process group '{}': the application called os._exit(); replacing the interpreters of slot {}, "
				+ "as mod_wsgi's process would be restarted", displayName(), lease.slot.index + 1);
		replace(lease.slot, lease.generation, "os._exit", true);
	}

	/**
	 * Watches a running request for request-timeout: when it runs too long its
	 * interpreter is interrupted (every request running in that interpreter ends)
	 * and the slot's generation replaced.
	 * @return the watch, to be cancelled when the request ends, or {@code null}
	 * without request-timeout
	 */
	ScheduledFuture<?> watch(Lease lease, Interpreter interpreter) {
		Duration timeout = this.settings.lifecycle().requestTimeout();
		if (timeout.isZero()) {
			return null;
		}
		return this.background.schedule(() -> {
			lease.timedOut = true;
			logger.warn("Process group '{}': a request in application group '{}' ran longer than request-timeout "
					+ "({} ms): interrupting it", displayName(), interpreter.applicationGroup(), timeout.toMillis());
			// like mod_wsgi restarting the daemon process: the slot takes no new
			// request until fresh interpreters are ready
			replace(lease.slot, lease.generation, "request-timeout", true);
			// interrupting can wait for the code to stop: not on the pool's own thread
			Thread.ofVirtual().name("wsgi-request-timeout").start(interpreter::interrupt);
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	Interpreter interpreter(Lease lease, String applicationGroup) {
		return lease.generation.interpreter(applicationGroup, this);
	}

	/**
	 * The interpreter of an application group in the first slot, for loading
	 * scripts at startup.
	 */
	Interpreter startupInterpreter(String applicationGroup) {
		Generation generation = this.slots[0].current;
		return generation.interpreter(applicationGroup, this);
	}

	InterpreterLifecycle lifecycle() {
		return this.settings.lifecycle();
	}

	/**
	 * Starts creating this pool's first interpreter on a background thread, while
	 * the application is still starting: the first application group to need an
	 * interpreter (usually a preloaded script's) takes it instead of waiting for
	 * a new one. A GraalPy context takes seconds to create, most of them for the
	 * first one of the engine.
	 */
	void startEarly() {
		CompletableFuture<Interpreter> future = new CompletableFuture<>();
		if (this.closed || !this.early.compareAndSet(null, future)) {
			return;
		}
		Thread.ofPlatform().daemon().name("wsgi-early-interpreter-" + (this.name.isEmpty() ? "embedded" : this.name))
			.start(() -> {
				long start = System.nanoTime();
				try {
					future.complete(new Interpreter(this.engine, this.specs.apply("")));
					logger.debug("Process group '{}': created an interpreter ahead of its first use in {} ms",
							displayName(), (System.nanoTime() - start) / 1_000_000);
				}
				catch (Throwable ex) {
					future.completeExceptionally(ex);
				}
			});
	}

	/** The interpreter {@link #startEarly()} created, named for its group; {@code null} when there is none. */
	private Interpreter takeEarly(String applicationGroup) {
		CompletableFuture<Interpreter> future = this.early.getAndSet(null);
		if (future == null) {
			return null;
		}
		Interpreter interpreter;
		try {
			interpreter = future.join();
		}
		catch (CompletionException | CancellationException ex) {
			// created again below, where a failure is reported as usual
			logger.debug("Process group '{}': the interpreter created ahead of time failed", displayName(), ex);
			return null;
		}
		try {
			interpreter.adopt(applicationGroup);
			return interpreter;
		}
		catch (RuntimeException ex) {
			interpreter.close();
			logger.debug("Process group '{}': cannot use the interpreter created ahead of time", displayName(), ex);
			return null;
		}
	}

	private Interpreter create(String applicationGroup) {
		Interpreter early = takeEarly(applicationGroup);
		if (early != null) {
			return early;
		}
		long start = System.nanoTime();
		Interpreter interpreter = new Interpreter(this.engine, this.specs.apply(applicationGroup));
		logger.debug("Process group '{}': created interpreter for application group '{}' in {} ms", displayName(),
				applicationGroup, (System.nanoTime() - start) / 1_000_000);
		return interpreter;
	}

	String displayName() {
		return this.name.isEmpty() ? "%{GLOBAL}" : this.name;
	}

	/** What the pool looks like now. */
	ProcessGroupState state() {
		List<ProcessGroupState.Slot> states = new ArrayList<>();
		long now = System.nanoTime();
		for (Slot slot : this.slots) {
			Generation generation = slot.current;
			boolean started = slot.index < this.started.get();
			states.add(new ProcessGroupState.Slot(slot.index, started,
					(generation != null) ? generation.inFlight.get() : 0, slot.served.get(),
					(generation != null) ? generation.served.get() : 0,
					(generation != null) ? Duration.ofNanos(now - generation.created) : Duration.ZERO,
					slot.recycles.get(),
					(generation != null) ? List.copyOf(new TreeSet<>(generation.interpreters.keySet())) : List.of(),
					slot.replacement != null));
		}
		return new ProcessGroupState(displayName(), this.slots.length, this.settings.threads(),
				this.settings.maximumRequests(), states);
	}

	/**
	 * Stops taking requests, lets running ones finish for up to shutdown-timeout,
	 * then closes every interpreter.
	 */
	@Override
	public void close() {
		this.closed = true;
		// every waiting request wakes up, sees the pool closed and gives up
		this.waiters.forEach((waiter) -> LockSupport.unpark(waiter.thread));
		long deadline = System.nanoTime() + this.settings.lifecycle().shutdownTimeout().toNanos();
		while (System.nanoTime() < deadline && busy()) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.background.shutdownNow();
		CompletableFuture<Interpreter> unused = this.early.getAndSet(null);
		if (unused != null) {
			unused.thenAccept(Interpreter::close);
		}
		for (Slot slot : this.slots) {
			synchronized (slot) {
				if (slot.current != null) {
					slot.current.forceClose(displayName(), "shutdown", stopLimit());
				}
				if (slot.replacement != null) {
					slot.replacement.close(stopLimit());
				}
			}
		}
	}

	/** How long an interpreter's process_stopping subscribers may run: shutdown-timeout. */
	private Duration stopLimit() {
		return this.settings.lifecycle().shutdownTimeout();
	}

	private boolean busy() {
		for (Slot slot : this.slots) {
			Generation generation = slot.current;
			if (generation != null && generation.inFlight.get() > 0) {
				return true;
			}
		}
		return false;
	}

	/** A place taken in a slot by one request. */
	static final class Lease {

		final Slot slot;

		final Generation generation;

		/** Set when request-timeout interrupted the request. */
		volatile boolean timedOut;

		Lease(Slot slot, Generation generation) {
			this.slot = slot;
			this.generation = generation;
		}

	}

	/**
	 * A request waiting for a place: parked until {@link InterpreterPool#dispatch()}
	 * hands it one, or until it gives up.
	 */
	static final class Waiter {

		private static final Object CANCELLED = new Object();

		final Thread thread = Thread.currentThread();

		final String applicationGroup;

		/** {@code null} while waiting, then the place handed over or {@link #CANCELLED}. */
		private final AtomicReference<Object> outcome = new AtomicReference<>();

		Waiter(String applicationGroup) {
			this.applicationGroup = applicationGroup;
		}

		/** Hands the place over and wakes the request; {@code false} when it has given up. */
		boolean offer(Lease lease) {
			if (this.outcome.compareAndSet(null, lease)) {
				LockSupport.unpark(this.thread);
				return true;
			}
			return false;
		}

		/** Gives up waiting; {@code false} when a place has already been handed over. */
		boolean cancel() {
			return this.outcome.compareAndSet(null, CANCELLED);
		}

		Lease lease() {
			return (this.outcome.get() instanceof Lease lease) ? lease : null;
		}

	}

	/** One interpreter slot: mod_wsgi's process. */
	static final class Slot {

		final int index;

		final int capacity;

		/** Requests served by every generation of the slot. */
		final AtomicLong served = new AtomicLong();

		/** Generations replaced so far. */
		final AtomicLong recycles = new AtomicLong();

		/** The generation serving requests; {@code null} before the slot starts or while waiting for a replacement. */
		volatile Generation current;

		/** A warmed generation waiting to take over (guarded by the slot). */
		Generation replacement;

		/** A replacement is being warmed (guarded by the slot). */
		boolean preparing;

		/** Why the current generation is to be replaced as soon as a replacement is ready (guarded by the slot). */
		String pendingReason;

		Slot(int index, int capacity) {
			this.index = index;
			this.capacity = capacity;
		}

	}

	/** The interpreters of a slot between two restarts: what a daemon process is between its start and exit. */
	static final class Generation {

		final Map<String, Interpreter> interpreters = new ConcurrentHashMap<>();

		final AtomicInteger inFlight = new AtomicInteger();

		/** Requests finished in this generation (counted for maximum-requests). */
		final AtomicLong served = new AtomicLong();

		final long created = System.nanoTime();

		volatile long lastUsed = this.created;

		/** Out of service: takes no new request, closed when the last one ends. */
		volatile boolean retired;

		/** Set when an interpreter's Python ended its process (see {@link ProcessControl}). */
		volatile String endedBy;

		private final AtomicBoolean closed = new AtomicBoolean();

		Interpreter interpreter(String applicationGroup, InterpreterPool pool) {
			Interpreter interpreter = this.interpreters.get(applicationGroup);
			if (interpreter != null) {
				return interpreter;
			}
			return this.interpreters.computeIfAbsent(applicationGroup, (group) -> {
				Interpreter created = pool.create(group);
				created.onProcessEnd((how) -> this.endedBy = how);
				return created;
			});
		}

		/**
		 * Creates the interpreters the template has (only the given group's when
		 * {@code onlyGroup} is not null) and loads the same scripts into them.
		 */
		void warmLike(Generation template, String onlyGroup, InterpreterPool pool) {
			for (Interpreter model : new ArrayList<>(template.interpreters.values())) {
				if (onlyGroup != null && !onlyGroup.equals(model.applicationGroup())) {
					continue;
				}
				if (pool.closed) {
					return;
				}
				Interpreter interpreter = interpreter(model.applicationGroup(), pool);
				for (ScriptSource script : model.loadedScripts()) {
					try {
						interpreter.ensureLoaded(script, false);
					}
					catch (ScriptLoadException ex) {
						// it failed in the template too and is reported per request there
					}
				}
			}
		}

		void closeIfIdle(String processGroup, Duration stopLimit) {
			if (this.retired && this.inFlight.get() == 0 && this.closed.compareAndSet(false, true)) {
				stopInterpreters(stopLimit);
				logger.debug("Process group '{}': closed replaced interpreters after {} requests", processGroup,
						this.served.get());
			}
		}

		void forceClose(String processGroup, String reason, Duration stopLimit) {
			if (this.closed.compareAndSet(false, true)) {
				int running = this.inFlight.get();
				if (running > 0) {
					logger.warn("Process group '{}': closing interpreters with {} request(s) still running ({})",
							processGroup, running, reason);
					// a call into them would wait for the running code
					this.interpreters.values().forEach(Interpreter::close);
				}
				else {
					stopInterpreters(stopLimit);
				}
			}
		}

		void close(Duration stopLimit) {
			if (this.closed.compareAndSet(false, true)) {
				stopInterpreters(stopLimit);
			}
		}

		/**
		 * Idle interpreters get mod_wsgi's process_stopping event first, as a daemon
		 * process's do before it exits; not those whose Python ended the process.
		 */
		private void stopInterpreters(Duration stopLimit) {
			for (Interpreter interpreter : this.interpreters.values()) {
				if (this.endedBy == null) {
					interpreter.stop(stopLimit);
				}
				else {
					interpreter.close();
				}
			}
		}

	}

}
