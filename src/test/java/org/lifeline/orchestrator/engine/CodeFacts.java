package org.lifeline.orchestrator.engine;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lifeline.orchestrator.LifelineApplication;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * What the compiled code offers the models: the job types its {@link JobWorker} methods handle
 * (with the variables and headers they read) and the message names it publishes or correlates.
 * Read from class files: message names passed as constants to {@code messageName(...)} of a
 * publish/correlate command are literals in the bytecode; a class passing anything else must
 * declare its names with {@link PublishesMessages}.
 *
 * @param workers job type to the worker that handles it
 * @param publishedMessages message names some code publishes
 * @param problems what the code itself gets wrong (two workers for one type, undeclared message names)
 */
record CodeFacts(Map<String, Worker> workers, Set<String> publishedMessages, List<String> problems) {

  /**
   * @param jobType the job type handled
   * @param name class and method
   * @param variables variables the worker reads by name
   * @param readsAllVariables takes the whole job (or fetches all variables): any input may be read
   * @param readsHeaders takes the job or its custom headers
   */
  record Worker(String jobType, String name, Set<String> variables, boolean readsAllVariables, boolean readsHeaders) {}

  private static final Set<String> MESSAGE_COMMANDS = Set.of("PublishMessageCommandStep1", "CorrelateMessageCommandStep1");

  /** The application's own compiled classes (main code only, not tests). */
  static CodeFacts ofApplication() {
    try {
      return scan(Path.of(LifelineApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Scans every class file below a folder of compiled classes (the classes must be loadable). */
  static CodeFacts scan(Path classes) {
    Map<String, Worker> workers = new TreeMap<>();
    Set<String> messages = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    SimpleMetadataReaderFactory metadata = new SimpleMetadataReaderFactory();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
        AnnotationMetadata type = metadata.getMetadataReader(new FileSystemResource(file)).getAnnotationMetadata();
        MessageCalls calls = new MessageCalls();
        new ClassReader(Files.readAllBytes(file)).accept(calls, ClassReader.SKIP_FRAMES);
        messages.addAll(calls.constants);
        Map<String, Object> declared = type.getAnnotationAttributes(PublishesMessages.class.getName());
        if (declared != null) {
          messages.addAll(Arrays.asList((String[]) declared.get("value")));
        } else if (calls.nonConstant) {
          problems.add(
              type.getClassName()
                  + " publishes or correlates a message whose name is not a constant at the call:"
                  + " declare the names with @PublishesMessages");
        }
        if (type.hasAnnotatedMethods(JobWorker.class.getName())) {
          for (Worker worker : workersOf(type.getClassName())) {
            if (UserTaskAdaptation.JOB_TYPE.equals(worker.jobType())) {
              // The embedded task inbox serves every user task; models never name this job type.
              continue;
            }
            Worker other = workers.putIfAbsent(worker.jobType(), worker);
            if (other != null) {
              problems.add("job type '" + worker.jobType() + "' is handled twice: " + other.name() + " and " + worker.name());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the compiled classes in " + classes, e);
    }
    return new CodeFacts(
        Collections.unmodifiableMap(workers), Collections.unmodifiableSet(messages), List.copyOf(problems));
  }

  private static List<Worker> workersOf(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, CodeFacts.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + className, e);
    }
    List<Worker> workers = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      JobWorker annotation = method.getAnnotation(JobWorker.class);
      if (annotation == null) {
        continue;
      }
      Set<String> variables = new TreeSet<>(Arrays.asList(annotation.fetchVariables()));
      boolean readsAll = annotation.fetchAllVariables();
      boolean readsHeaders = false;
      for (Parameter parameter : method.getParameters()) {
        Variable variable = parameter.getAnnotation(Variable.class);
        if (variable != null) {
          variables.add(firstNonEmpty(variable.name(), variable.value(), parameter.getName()));
        } else if (parameter.isAnnotationPresent(VariablesAsType.class)) {
          variables.addAll(propertiesOf(parameter.getType()));
        } else if (parameter.isAnnotationPresent(CustomHeaders.class)) {
          readsHeaders = true;
        } else if (ActivatedJob.class.isAssignableFrom(parameter.getType())) {
          readsAll = true;
          readsHeaders = true;
        }
      }
      String jobType = annotation.type().isEmpty() ? method.getName() : annotation.type();
      workers.add(
          new Worker(jobType, type.getSimpleName() + "." + method.getName(), Set.copyOf(variables), readsAll, readsHeaders));
    }
    return workers;
  }

  private static Set<String> propertiesOf(Class<?> type) {
    Set<String> names = new TreeSet<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
      }
    } else {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          names.add(field.getName());
        }
      }
    }
    return names;
  }

  private static String firstNonEmpty(String... candidates) {
    return Arrays.stream(candidates).filter(candidate -> !candidate.isEmpty()).findFirst().orElseThrow();
  }

  /** Finds {@code messageName(...)} calls on publish/correlate commands and what they pass. */
  private static final class MessageCalls extends ClassVisitor {

    final Set<String> constants = new TreeSet<>();
    boolean nonConstant;

    MessageCalls() {
      super(SpringAsmInfo.ASM_VERSION);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
        private String lastConstant;

        @Override
        public void visitLdcInsn(Object value) {
          lastConstant = value instanceof String string ? string : null;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean isInterface) {
          if (method.equals("messageName") && descriptor.startsWith("(Ljava/lang/String;)") && isMessageCommand(owner)) {
            if (lastConstant != null) {
              constants.add(lastConstant);
            } else {
              nonConstant = true;
            }
          }
          lastConstant = null;
        }

        @Override
        public void visitInsn(int opcode) {
          lastConstant = null;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
          lastConstant = null;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
          lastConstant = null;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          lastConstant = null;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
          lastConstant = null;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
          lastConstant = null;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
          lastConstant = null;
        }
      };
    }

    private static boolean isMessageCommand(String owner) {
      String simpleName = owner.substring(owner.lastIndexOf('/') + 1);
      return MESSAGE_COMMANDS.contains(simpleName.substring(simpleName.lastIndexOf('$') + 1));
    }
  }
}
