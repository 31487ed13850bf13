package org.lifeline.orchestrator.questionnaire;

import java.util.List;

/** The definition file cannot be used; the message lists every problem found, naming the question concerned. */
public class InvalidQuestionnaireDefinitionException extends RuntimeException {

  private final List<String> problems;

  public InvalidQuestionnaireDefinitionException(String source, List<String> problems) {
    super("Invalid questionnaire definition " + source + ":\n - " + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidQuestionnaireDefinitionException(String source, String problem, Throwable cause) {
    super("Invalid questionnaire definition " + source + ": " + problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
