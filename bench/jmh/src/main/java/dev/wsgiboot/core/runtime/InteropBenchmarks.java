package dev.wsgiboot.core.runtime;

import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two Java/Python crossings that carry request and response bodies, alone,
 * by size: Java copying a Python {@code bytes} into a {@code byte[]} with
 * {@link Value#readBuffer} (what {@link RequestBridge} does for every response
 * chunk) and a Java {@code String} of latin-1 characters turned into Python
 * {@code bytes} (what {@code wsgi.input.read} does with each chunk
 * {@link RequestBridge#read} returns). Shows whether their cost grows with the
 * body size, i.e. whether the bytes are copied in bulk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InteropBenchmarks {

	@Param({ "12", "1024", "65536" })
	public int size;

	private Context context;

	private Value pythonBytes;

	private byte[] target;

	private Value encode;

	private String latin1;

	@Setup
	public void setUp() {
		PythonEngine engine = PythonEngine.shared();
		if (!engine.isJitEnabled()) {
			throw new IllegalStateException(engine.describe());
		}
		this.context = Context.newBuilder("python")
			.engine(engine.engine())
			.allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).allowBufferAccess(true).build())
			.build();
		this.pythonBytes = this.context.eval("python", "b'x' * " + this.size);
		this.target = new byte[this.size];
		this.encode = this.context.eval("python", "lambda s: s.encode('latin-1')");
		this.latin1 = "y".repeat(this.size);
		if (this.encode.execute(this.latin1).getBufferSize() != this.size) {
			throw new IllegalStateException("encode gave the wrong size");
		}
	}

	@TearDown
	public void tearDown() {
		this.context.close(true);
	}

	/** Response direction: a Python bytes object read into a Java array in one readBuffer call. */
	@Benchmark
	public byte[] readBuffer() {
		this.pythonBytes.readBuffer(0, this.target, 0, this.size);
		return this.target;
	}

	/** Request direction: a Java latin-1 String passed to Python and encoded to bytes. */
	@Benchmark
	public Value stringToBytes() {
		return this.encode.execute(this.latin1);
	}

}
