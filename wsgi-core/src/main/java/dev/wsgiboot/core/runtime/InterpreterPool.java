package dev.wsgiboot.core.runtime;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.InterpreterPoolSettings;
import dev.wsgiboot.core.config.ScriptSource;

/**
 * The interpreters of one process group: {@code processes} slots, each
 * admitting {@code threads} concurrent requests and holding one interpreter per
 * application group it has served. A request takes the least busy started slot
 * (the lowest one on a tie, so that sequential traffic always meets the same
 * module state). When every started slot is busy and slots remain, the next one
 * is started in the background, warmed with the groups and scripts of the first,
 * and joins when ready: no request waits for an interpreter to be created while
 * another one can serve it.
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

	private final ReentrantLock waitLock = new ReentrantLock();

	private final Condition released = this.waitLock.newCondition();

	private final AtomicInteger waiting = new AtomicInteger();

	private final ExecutorService grower;

	private volatile boolean closed;

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
		this.grower = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "wsgi-pool-" + (name.isEmpty() ? "embedded" : name));
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Takes a place in a slot, waiting up to the queue timeout.
	 * @return the slot, to be given back with {@link #release(Slot)}
	 * @throws PoolBusyException when no place frees up in time
	 */
	Slot acquire(String applicationGroup) throws InterruptedException {
		Slot slot = tryAcquire(applicationGroup);
		if (slot != null) {
			return slot;
		}
		long deadline = System.nanoTime() + this.settings.queueTimeout().toNanos();
		this.waiting.incrementAndGet();
		this.waitLock.lock();
		try {
			while (true) {
				if (this.closed) {
					throw new PoolBusyException(this.name, "the server is shutting down");
				}
				slot = tryAcquire(applicationGroup);
				if (slot != null) {
					return slot;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new PoolBusyException(this.name,
							"no interpreter became free within " + this.settings.queueTimeout().toMillis() + " ms");
				}
				this.released.awaitNanos(remaining);
			}
		}
		finally {
			this.waitLock.unlock();
			this.waiting.decrementAndGet();
		}
	}

	void release(Slot slot) {
		int inFlight = slot.inFlight.decrementAndGet();
		int maximum = this.settings.maximumRequests();
		if (maximum > 0) {
			if (slot.served.incrementAndGet() >= maximum) {
				slot.retiring = true;
			}
			if (slot.retiring && inFlight == 0) {
				slot.recycle(displayName());
			}
		}
		if (this.waiting.get() > 0) {
			this.waitLock.lock();
			try {
				this.released.signalAll();
			}
			finally {
				this.waitLock.unlock();
			}
		}
	}

	private Slot tryAcquire(String applicationGroup) {
		int count = this.started.get();
		while (true) {
			Slot best = null;
			int bestLoad = Integer.MAX_VALUE;
			for (int i = 0; i < count; i++) {
				Slot slot = this.slots[i];
				if (slot.retiring) {
					continue;
				}
				int load = slot.inFlight.get();
				if (load < bestLoad && load < slot.capacity) {
					best = slot;
					bestLoad = load;
				}
			}
			if (best == null) {
				maybeGrow(applicationGroup);
				return null;
			}
			if (best.inFlight.compareAndSet(bestLoad, bestLoad + 1)) {
				if (best.retiring) {
					// retired while we chose it: give the place back, recycling if it was the last
					if (best.inFlight.decrementAndGet() == 0) {
						best.recycle(displayName());
					}
					continue;
				}
				if (bestLoad > 0) {
					maybeGrow(applicationGroup);
				}
				return best;
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
		Slot template = this.slots[0];
		this.grower.execute(() -> {
			try {
				long start = System.nanoTime();
				next.warmLike(template, applicationGroup, this);
				this.started.incrementAndGet();
				logger.info("Process group '{}': interpreter slot {} of {} ready in {} ms", displayName(),
						next.index + 1, this.slots.length, (System.nanoTime() - start) / 1_000_000);
				next.warmLike(template, null, this);
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

	Interpreter interpreter(Slot slot, String applicationGroup) {
		return slot.interpreter(applicationGroup, this);
	}

	private Interpreter create(String applicationGroup) {
		long start = System.nanoTime();
		Interpreter interpreter = new Interpreter(this.engine, this.specs.apply(applicationGroup));
		logger.debug("Process group '{}': created interpreter for application group '{}' in {} ms", displayName(),
				applicationGroup, (System.nanoTime() - start) / 1_000_000);
		return interpreter;
	}

	private String displayName() {
		return this.name.isEmpty() ? "%{GLOBAL}" : this.name;
	}

	/** Slot 0, where scripts are preloaded. */
	Slot firstSlot() {
		return this.slots[0];
	}

	@Override
	public void close() {
		this.closed = true;
		this.grower.shutdownNow();
		try {
			this.grower.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Slot slot : this.slots) {
			slot.close();
		}
	}

	/** One interpreter slot: mod_wsgi's process. */
	static final class Slot {

		final int index;

		final int capacity;

		final AtomicInteger inFlight = new AtomicInteger();

		/** Requests served since the slot's interpreters were created (counted for maximum-requests). */
		final AtomicLong served = new AtomicLong();

		/** Reached maximum-requests: takes no new request, recycled when the last one finishes. */
		volatile boolean retiring;

		private volatile Map<String, Interpreter> interpreters = new ConcurrentHashMap<>();

		Slot(int index, int capacity) {
			this.index = index;
			this.capacity = capacity;
		}

		Interpreter interpreter(String applicationGroup, InterpreterPool pool) {
			Interpreter interpreter = this.interpreters.get(applicationGroup);
			if (interpreter != null) {
				return interpreter;
			}
			return this.interpreters.computeIfAbsent(applicationGroup, pool::create);
		}

		/**
		 * Creates the interpreters the template slot has (only the given group's when
		 * {@code onlyGroup} is not null) and loads the same scripts into them.
		 */
		void warmLike(Slot template, String onlyGroup, InterpreterPool pool) {
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
						// it failed in the first slot too and is reported per request there
					}
				}
			}
		}

		/**
		 * Replaces the slot's interpreters with fresh ones (created on demand), as
		 * mod_wsgi restarts a daemon process after maximum-requests; called when no
		 * request is in flight.
		 */
		synchronized void recycle(String processGroup) {
			if (!this.retiring || this.inFlight.get() != 0) {
				return;
			}
			Map<String, Interpreter> old = this.interpreters;
			this.interpreters = new ConcurrentHashMap<>();
			this.served.set(0);
			this.retiring = false;
			old.values().forEach(Interpreter::close);
			logger.info("Process group '{}': interpreter slot {} recycled after maximum-requests", processGroup,
					this.index + 1);
		}

		void close() {
			this.interpreters.values().forEach(Interpreter::close);
			this.interpreters.clear();
		}

	}

}
