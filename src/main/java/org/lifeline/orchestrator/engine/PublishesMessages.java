package org.lifeline.orchestrator.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the BPMN messages a class publishes or correlates when their names are not constants at
 * the call, e.g. a helper that publishes whatever name it is given. Not needed when the name is a
 * constant ({@code .messageName(HelpRequestProcess.MESSAGE_...)}): the model-contract test reads
 * those from the compiled code. The test fails when a BPMN model waits for a message no code
 * publishes.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublishesMessages {

  /** Message names, as in the BPMN models. */
  String[] value();
}
