package dev.wsgiboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in a training run: {@code spring.context.exit=onRefresh}, read as Spring's
 * {@code DefaultLifecycleProcessor} reads it (a JVM system property or
 * {@code spring.properties}, not the application's {@code Environment}).
 */
final class OnTrainingRunCondition extends SpringBootCondition {

	static final String EXIT_PROPERTY = "spring.context.exit";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String exit = SpringProperties.getProperty(EXIT_PROPERTY);
		ConditionMessage.Builder message = ConditionMessage.forCondition("training run");
		if ("onRefresh".equalsIgnoreCase(exit)) {
			return ConditionOutcome.match(message.because(EXIT_PROPERTY + "=" + exit));
		}
		return ConditionOutcome.noMatch(message.because(EXIT_PROPERTY + " is not onRefresh"));
	}

}
