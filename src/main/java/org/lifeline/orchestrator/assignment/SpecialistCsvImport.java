package org.lifeline.orchestrator.assignment;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lifeline.orchestrator.assignment.CsvImportException.RejectedRow;
import org.lifeline.orchestrator.assignment.CsvImportException.RowProblem;
import org.lifeline.orchestrator.staff.InvitedStaff;
import org.lifeline.orchestrator.staff.StaffAccounts;
import org.lifeline.orchestrator.staff.StaffDraft;
import org.lifeline.orchestrator.staff.StaffRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk onboarding from a CSV file with a header row: every row is checked like a JSON body, and the
 * file is imported completely or not at all.
 *
 * <p>Columns (any order, names case-insensitive): {@code name}, {@code languages}, {@code topics},
 * {@code age_groups}, {@code time_zone}, {@code max_cases}, {@code availability}, and optionally
 * {@code username} and {@code email}. Lists are separated by {@code ;}; availability is an {@link
 * AvailabilityNotation}.
 *
 * <p>With logins ({@link #importWithLogins}), every row needs a username (a login name); each username without a
 * staff account yet gets one (role SPECIALIST, the row's name and e-mail) with a one-time invitation link, in the same
 * transaction: onboarding a team is one file, and the links go back to the administrator who imported it.
 */
@Service
public class SpecialistCsvImport {

  static final List<String> REQUIRED_COLUMNS =
      List.of("name", "languages", "topics", "age_groups", "time_zone", "max_cases", "availability");
  static final List<String> OPTIONAL_COLUMNS = List.of("username", "email");

  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.of(
          "name", "name",
          "username", "username",
          "languages", "languages",
          "topics", "topics",
          "ageGroups", "age_groups",
          "timeZone", "time_zone",
          "maxCases", "max_cases",
          "shifts", "availability");
  private static final String FORMULA_START = "=+-@";
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .get();

  private final SpecialistRegistry registry;
  private final SpecialistRepository specialists;
  private final StaffAccounts staff;
  private final Validator validator;
  private final int maxRows;

  SpecialistCsvImport(
      SpecialistRegistry registry,
      SpecialistRepository specialists,
      StaffAccounts staff,
      Validator validator,
      AssignmentProperties properties) {
    this.registry = registry;
    this.specialists = specialists;
    this.staff = staff;
    this.validator = validator;
    this.maxRows = properties.importMaxRows();
  }

  /**
   * Imports every row of the file, or nothing.
   *
   * @return how many specialists were created
   * @throws CsvImportException 400 for an unusable file, 422 with the rejected rows otherwise
   */
  @Transactional
  public int importCsv(Reader csv) {
    return importRows(csv, false, null).imported();
  }

  /**
   * Imports every row of the file and invites a login for each username that has none yet, or does nothing.
   *
   * @param actor the administrator importing (recorded as who invited)
   * @throws CsvImportException 400 for an unusable file, 422 with the rejected rows otherwise
   */
  @Transactional
  public ImportOutcome importWithLogins(Reader csv, String actor) {
    return importRows(csv, true, actor);
  }

  private ImportOutcome importRows(Reader csv, boolean logins, String actor) {
    List<Row> rows = read(csv);
    List<RejectedRow> rejected = new ArrayList<>();
    List<SpecialistDraft> drafts = new ArrayList<>();
    List<StaffDraft> newLogins = new ArrayList<>();
    Map<String, Long> lineOfUsername = new HashMap<>();
    Set<String> taken = takenUsernames(rows);
    Set<String> existingLogins = logins ? staff.taken(usernames(rows)) : Set.of();
    for (Row row : rows) {
      List<RowProblem> problems = new ArrayList<>(formulaCells(row.values()));
      SpecialistDraft draft = toDraft(row.values(), problems);
      if (draft != null) {
        problems.addAll(violations(draft));
        checkUsername(draft.username(), row.line(), lineOfUsername, taken, problems);
      }
      StaffDraft login = null;
      if (logins && draft != null) {
        login = loginOf(draft, row.values().get("email"), problems);
      }
      if (problems.isEmpty()) {
        drafts.add(draft);
        if (login != null && !existingLogins.contains(login.username())) {
          newLogins.add(login);
        }
      } else {
        rejected.add(new RejectedRow(row.line(), problems));
      }
    }
    if (!rejected.isEmpty()) {
      throw CsvImportException.rejectedRows(rows.size(), rejected);
    }
    int imported = registry.createAll(drafts);
    List<InvitedStaff> invited = newLogins.isEmpty() ? List.of() : staff.inviteAll(newLogins, actor);
    List<String> kept =
        drafts.stream().map(SpecialistDraft::username).filter(name -> name != null && existingLogins.contains(name)).sorted().toList();
    return new ImportOutcome(imported, invited, kept);
  }

  /** The login a row asks for: a username fit for a login, the row's name and e-mail, role SPECIALIST. */
  private StaffDraft loginOf(SpecialistDraft draft, String email, List<RowProblem> problems) {
    if (draft.username() == null) {
      problems.add(new RowProblem("username", "is needed to create a login"));
      return null;
    }
    StaffDraft login = new StaffDraft(draft.username(), draft.name(), blankToNull(email), Set.of(StaffRole.SPECIALIST));
    validator.validate(login).stream()
        .filter(violation -> !violation.getPropertyPath().toString().equals("displayName"))
        .map(violation -> new RowProblem(violation.getPropertyPath().toString(), violation.getMessage()))
        .sorted(Comparator.comparing(RowProblem::field))
        .forEach(problems::add);
    return login;
  }

  /**
   * @param imported specialists created
   * @param invitations the logins created, each with its one-time link (shown only in this answer)
   * @param existingLogins usernames of the file that already had a login (no new invitation)
   */
  public record ImportOutcome(int imported, List<InvitedStaff> invitations, List<String> existingLogins) {}

  private List<Row> read(Reader csv) {
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
      Map<String, String> columnOfHeader = checkHeader(parser.getHeaderNames());
      List<Row> rows = new ArrayList<>();
      long line = parser.getCurrentLineNumber() + 1;
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw CsvImportException.unusableFile("More than " + maxRows + " rows; split the file");
        }
        Map<String, String> values = new HashMap<>();
        record.toMap().forEach((header, value) -> values.put(columnOfHeader.get(header), value));
        rows.add(new Row(line, values));
        line = parser.getCurrentLineNumber() + 1;
      }
      if (rows.isEmpty()) {
        throw CsvImportException.unusableFile("The file has a header but no rows");
      }
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException malformed) {
      // commons-csv reports a broken quote or a repeated header this way
      throw CsvImportException.unusableFile("The file is not valid CSV: " + malformed.getMessage());
    }
  }

  /** Maps each header as written to its column name; unknown, repeated or missing columns are refused. */
  private static Map<String, String> checkHeader(List<String> headers) {
    if (headers.isEmpty()) {
      throw CsvImportException.unusableFile("The file is empty; the first line must name the columns");
    }
    Map<String, String> columnOfHeader = new HashMap<>();
    Set<String> known = new LinkedHashSet<>(REQUIRED_COLUMNS);
    known.addAll(OPTIONAL_COLUMNS);
    List<String> unknown = new ArrayList<>();
    for (String header : headers) {
      String column = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      if (known.contains(column)) {
        columnOfHeader.put(header, column);
      } else {
        unknown.add(header);
      }
    }
    Set<String> missing = new LinkedHashSet<>(REQUIRED_COLUMNS);
    missing.removeAll(columnOfHeader.values());
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw CsvImportException.unusableFile(
          "Columns must be " + String.join(", ", REQUIRED_COLUMNS) + " and optionally " + String.join(", ", OPTIONAL_COLUMNS)
              + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
              + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
    }
    return columnOfHeader;
  }

  /**
   * Cells a spreadsheet would run as a formula (starting with =, +, - or @, as in {@code =HYPERLINK(...)}) are
   * refused rather than stored: such a value could run when the list is opened in a spreadsheet again. None of the
   * columns needs one.
   */
  private static List<RowProblem> formulaCells(Map<String, String> values) {
    return values.entrySet().stream()
        .filter(cell -> cell.getValue() != null && !cell.getValue().isEmpty() && FORMULA_START.indexOf(cell.getValue().charAt(0)) >= 0)
        .map(cell -> new RowProblem(cell.getKey(), "must not start with '" + cell.getValue().charAt(0) + "': a spreadsheet would run it as a formula"))
        .sorted(Comparator.comparing(RowProblem::field))
        .toList();
  }

  /** The row as a draft, or null when a value cannot even be read (the problems say why). */
  private static SpecialistDraft toDraft(Map<String, String> values, List<RowProblem> problems) {
    Integer maxCases = parse(values, "max_cases", problems, SpecialistCsvImport::integer);
    Set<AgeGroup> ageGroups = parse(values, "age_groups", problems, SpecialistCsvImport::ageGroups);
    List<ShiftInput> shifts = parse(values, "availability", problems, AvailabilityNotation::parse);
    if (!problems.isEmpty()) {
      return null;
    }
    return new SpecialistDraft(
        values.get("name"),
        blankToNull(values.get("username")),
        list(values.get("languages")),
        list(values.get("topics")),
        ageGroups,
        values.get("time_zone"),
        maxCases,
        shifts);
  }

  private static <T> T parse(
      Map<String, String> values, String column, List<RowProblem> problems, Function<String, T> parser) {
    String value = values.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException unreadable) {
      problems.add(new RowProblem(column, unreadable.getMessage()));
      return null;
    }
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number");
    }
  }

  private static Set<AgeGroup> ageGroups(String value) {
    Set<AgeGroup> groups = new HashSet<>();
    for (String name : list(value)) {
      String constant = name.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      try {
        groups.add(AgeGroup.valueOf(constant));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(
            "'" + name + "' is not an age group (" + Arrays.stream(AgeGroup.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
      }
    }
    return groups;
  }

  private static Set<String> list(String value) {
    if (value == null) {
      return Set.of();
    }
    return Arrays.stream(value.split(";"))
        .map(item -> item.strip().toLowerCase(Locale.ROOT))
        .filter(item -> !item.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private List<RowProblem> violations(SpecialistDraft draft) {
    return validator.validate(draft).stream()
        .map(violation -> new RowProblem(columnOf(violation.getPropertyPath()), describe(violation)))
        .sorted(Comparator.comparing(RowProblem::field).thenComparing(RowProblem::message))
        .toList();
  }

  private static String columnOf(Path path) {
    String field = path.iterator().next().getName();
    return COLUMN_OF_FIELD.getOrDefault(field, field);
  }

  private static String describe(ConstraintViolation<SpecialistDraft> violation) {
    Object value = violation.getInvalidValue();
    boolean element = value instanceof String && violation.getPropertyPath().toString().contains("[");
    return element ? "'" + value + "' " + violation.getMessage() : violation.getMessage();
  }

  private static void checkUsername(
      String username, long line, Map<String, Long> lineOfUsername, Set<String> taken, List<RowProblem> problems) {
    if (username == null) {
      return;
    }
    Long earlier = lineOfUsername.putIfAbsent(username, line);
    if (earlier != null) {
      problems.add(new RowProblem("username", "'" + username + "' is also on line " + earlier));
    } else if (taken.contains(username)) {
      problems.add(new RowProblem("username", "'" + username + "' belongs to an existing specialist"));
    }
  }

  private Set<String> takenUsernames(List<Row> rows) {
    List<String> usernames = usernames(rows);
    return usernames.isEmpty() ? Set.of() : new HashSet<>(specialists.findTakenUsernames(usernames));
  }

  private static List<String> usernames(List<Row> rows) {
    return rows.stream().map(row -> blankToNull(row.values().get("username"))).filter(name -> name != null).distinct().toList();
  }

  private record Row(long line, Map<String, String> values) {}
}
