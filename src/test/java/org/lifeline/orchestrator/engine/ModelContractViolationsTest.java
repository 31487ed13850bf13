package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.orchestrator.engine.contractfixture.ConstantNamePublisher;
import org.springframework.util.FileSystemUtils;

/** The model contract catches what it promises to, on a deliberately broken copy of {@code bpmn/}. */
class ModelContractViolationsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path copy;

  @Test
  void aBrokenCopyOfTheRealModelsReportsEveryViolation() throws IOException {
    FileSystemUtils.copyRecursively(ModelContractTest.MODELS, copy);
    CodeFacts code = CodeFacts.ofApplication();
    Map<Path, BpmnModelInstance> models = models(copy);

    // One job type renamed in the models; its template maps an input and headers the worker cannot read.
    String jobType = firstOf(models, ZeebeTaskDefinition.class, ZeebeTaskDefinition::getType, code.workers()::containsKey);
    replaceInModels("type=\"" + jobType + "\"", "type=\"" + jobType + "Renamed\"");
    CodeFacts.Worker worker = code.workers().get(jobType);
    Path template = templateOf(jobType);
    ArrayNode templates = (ArrayNode) JSON.readTree(template.toFile());
    ArrayNode properties = (ArrayNode) templates.get(0).get("properties");
    properties.addObject().put("type", "Hidden").put("value", "=1")
        .putObject("binding").put("type", "zeebe:input").put("name", "notReadByTheWorker");
    properties.addObject().put("type", "String").put("value", "calm")
        .putObject("binding").put("type", "zeebe:taskHeader").put("key", "tone");
    JSON.writeValue(template.toFile(), templates);
    // A template for a job type no worker handles.
    Files.writeString(copy.resolve("element-templates/orphan.json"), Files.readString(template).replace(
        "\"value\":\"" + jobType + "\"", "\"value\":\"noSuchJobType\"").replace("\"id\":\"", "\"id\":\"orphan."));

    // One real message renamed and one real form id changed, where the models have them.
    Optional<String> message = optionalFirstOf(models, MessageEventDefinition.class,
        definition -> definition.getParentElement() instanceof CatchEvent && definition.getMessage() != null
            ? definition.getMessage().getName() : null);
    message.ifPresent(name -> replaceInModels("name=\"" + name + "\"", "name=\"" + name + "Renamed\""));
    Optional<String> formId = optionalFirstOf(models, ZeebeFormDefinition.class, ZeebeFormDefinition::getFormId);
    formId.ifPresent(this::changeFormFileId);

    // A model the code does not serve at all (there may be no real messages or forms yet).
    Bpmn.writeModelToFile(copy.resolve("contract-broken.bpmn").toFile(), brokenModel());

    List<String> violations = ModelContract.violations(copy, code);

    assertThat(violations).anyMatch(v -> v.contains("uses job type '" + jobType + "Renamed' that no @JobWorker handles"));
    assertThat(violations).anyMatch(v -> v.contains("job type '" + jobType + "' (" + worker.name() + ") is used in no BPMN file"));
    assertThat(violations).anyMatch(v -> v.contains("binds job type 'noSuchJobType' that no @JobWorker handles"));
    if (!worker.readsAllVariables()) {
      assertThat(violations).anyMatch(v -> v.contains("maps input 'notReadByTheWorker' that " + worker.name() + " does not read"));
    }
    if (!worker.readsHeaders()) {
      assertThat(violations).anyMatch(v -> v.contains("sets headers [tone] but " + worker.name() + " reads no headers"));
    }
    message.ifPresent(name -> assertThat(violations).anyMatch(v -> v.contains("waits for message '" + name + "Renamed' that no code publishes")));
    formId.ifPresent(id -> assertThat(violations).anyMatch(v -> v.contains("uses form id '" + id + "' but no .form file has that id")));
    assertThat(violations)
        .anyMatch(v -> v.equals("contract-broken.bpmn: Event_NobodyPublishes waits for message 'NobodyPublishesThis' that no code publishes"))
        .anyMatch(v -> v.equals("contract-broken.bpmn: Task_Review uses form id 'no-such-form' but no .form file has that id"))
        .anyMatch(v -> v.equals("contract-broken.bpmn: Task_Decide calls decision 'no-such-decision' that no .dmn file defines"))
        .anyMatch(v -> v.equals("contract-broken.bpmn: Call_Missing calls process 'no-such-process' that no .bpmn file defines"))
        .anyMatch(v -> v.equals("contract-broken.bpmn: Task_Unknown uses job type 'noWorkerForThis' that no @JobWorker handles"))
        .anyMatch(v -> v.equals(
            "contract-broken.bpmn: Task_Review sets no priority (zeebe:priorityDefinition): inboxes cannot order it by urgency"))
        .anyMatch(v -> v.equals("contract-broken.bpmn: Task_Review sets no due date (zeebe:taskSchedule dueDate)"));
  }

  @Test
  void aJobTypeWithoutTemplateIsReported() throws IOException {
    FileSystemUtils.copyRecursively(ModelContractTest.MODELS, copy);
    CodeFacts code = CodeFacts.ofApplication();
    String jobType = code.workers().keySet().iterator().next();
    Files.delete(templateOf(jobType));

    assertThat(ModelContract.violations(copy, code))
        .containsExactly("job type '" + jobType + "' has no element template in element-templates/");
  }

  @Test
  void modelsTheCodeServesPass() throws IOException {
    Files.createDirectories(copy.resolve("forms"));
    Files.writeString(copy.resolve("forms/review.form"), "{\"id\": \"review\", \"type\": \"default\", \"components\": []}");
    Files.writeString(copy.resolve("decide.dmn"), "<definitions><decision id=\"decide\" name=\"Decide\"/></definitions>");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("served")
            .startEvent()
            .intermediateCatchEvent("Event_Completed").message(m -> m.name("FixtureCompleted").zeebeCorrelationKeyExpression("=requestId"))
            .userTask("Task_Review").zeebeUserTask().zeebeFormId("review")
            .zeebeTaskPriorityExpression("if riskLevel = \"HIGH\" then 90 else 50").zeebeDueDateExpression("now() + duration(\"PT1H\")")
            .businessRuleTask("Task_Decide").zeebeCalledDecisionId("decide").zeebeResultVariable("decision")
            .serviceTask("Task_Work").zeebeJobType("fixtureJob")
            .callActivity("Call_Self").zeebeProcessId("served")
            .endEvent()
            .done();
    Bpmn.writeModelToFile(copy.resolve("served.bpmn").toFile(), model);
    CodeFacts code =
        new CodeFacts(
            Map.of("fixtureJob", new CodeFacts.Worker("fixtureJob", "FixtureWorker.handle", Set.of("requestId"), false, true)),
            Set.of("FixtureCompleted"),
            List.of());

    assertThat(ModelContract.violations(copy, code))
        .containsExactly("job type 'fixtureJob' has no element template in element-templates/");
  }

  @Test
  void readsJobTypesAndMessageNamesFromTheCompiledCode() throws URISyntaxException {
    Path fixtures =
        Path.of(ConstantNamePublisher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(ConstantNamePublisher.class.getPackageName().replace('.', '/'));

    CodeFacts code = CodeFacts.scan(fixtures);

    assertThat(code.publishedMessages()).containsExactlyInAnyOrder("FixtureCompleted", "FixtureCorrelated", "FixtureDeclared");
    assertThat(code.problems())
        .containsExactly(
            "org.lifeline.orchestrator.engine.contractfixture.UndeclaredNamePublisher publishes or correlates a message"
                + " whose name is not a constant at the call: declare the names with @PublishesMessages");
    assertThat(code.workers().get("fixtureJob"))
        .isEqualTo(new CodeFacts.Worker("fixtureJob", "FixtureWorker.handle", Set.of("requestId", "stage"), false, true));
    assertThat(code.workers().get("scoreFixture"))
        .isEqualTo(new CodeFacts.Worker("scoreFixture", "FixtureWorker.scoreFixture", Set.of("wellbeing", "risk"), false, false));
  }

  private static BpmnModelInstance brokenModel() {
    return Bpmn.createExecutableProcess("contract-broken")
        .startEvent()
        .intermediateCatchEvent("Event_NobodyPublishes")
        .message(m -> m.name("NobodyPublishesThis").zeebeCorrelationKeyExpression("=requestId"))
        .userTask("Task_Review").zeebeUserTask().zeebeFormId("no-such-form")
        .businessRuleTask("Task_Decide").zeebeCalledDecisionId("no-such-decision").zeebeResultVariable("decision")
        .callActivity("Call_Missing").zeebeProcessId("no-such-process")
        .serviceTask("Task_Unknown").zeebeJobType("noWorkerForThis")
        .endEvent()
        .done();
  }

  private Path templateOf(String jobType) throws IOException {
    try (Stream<Path> files = Files.list(copy.resolve("element-templates"))) {
      Pattern binding = Pattern.compile("\"value\"\\s*:\\s*\"" + Pattern.quote(jobType) + "\"");
      return files.filter(file -> binding.matcher(read(file)).find()).findFirst().orElseThrow();
    }
  }

  private void replaceInModels(String from, String to) {
    for (Path file : bpmnFiles(copy)) {
      String xml = read(file);
      if (xml.contains(from)) {
        write(file, xml.replace(from, to));
        return;
      }
    }
    throw new IllegalStateException("No model contains " + from);
  }

  private void changeFormFileId(String formId) {
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        ObjectNode form = (ObjectNode) JSON.readTree(file.toFile());
        if (formId.equals(form.path("id").asText())) {
          form.put("id", formId + "-changed");
          JSON.writeValue(file.toFile(), form);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> String firstOf(
      Map<Path, BpmnModelInstance> models, Class<T> type, java.util.function.Function<T, String> value,
      java.util.function.Predicate<String> condition) {
    return models.values().stream()
        .flatMap(model -> model.getModelElementsByType(type).stream())
        .map(value)
        .filter(condition)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The real models have no " + type.getSimpleName()));
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Optional<String> optionalFirstOf(
      Map<Path, BpmnModelInstance> models, Class<T> type, java.util.function.Function<T, String> value) {
    return models.values().stream()
        .flatMap(model -> model.getModelElementsByType(type).stream())
        .map(value)
        .filter(name -> name != null && !name.startsWith("="))
        .findFirst();
  }

  private static Map<Path, BpmnModelInstance> models(Path folder) {
    return bpmnFiles(folder).stream()
        .collect(java.util.stream.Collectors.toMap(file -> file, file -> Bpmn.readModelFromFile(file.toFile())));
  }

  private static List<Path> bpmnFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
