import org.graalvm.polyglot.*;
import java.nio.file.*;
public class Harness {
	public static void main(String[] args) throws Exception {
		try (Context c = Context.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build()) {
			System.out.println(c.getEngine().getImplementationName());
			c.eval(Source.newBuilder("python", Files.readString(Path.of(args[0])), args[0]).build());
		}
	}
}
