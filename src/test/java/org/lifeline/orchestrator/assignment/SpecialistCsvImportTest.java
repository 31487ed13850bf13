package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.assignment.CsvImportException.RejectedRow;
import org.lifeline.orchestrator.assignment.CsvImportException.RowProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@AssignmentDataTest
class SpecialistCsvImportTest {

  static final String HEADER = "name,username,languages,topics,age_groups,time_zone,max_cases,availability\n";

  @Autowired SpecialistCsvImport csvImport;
  @Autowired SpecialistRegistry registry;
  @Autowired SpecialistRepository specialists;

  int importCsv(String csv) {
    return csvImport.importCsv(new StringReader(csv));
  }

  CsvImportException rejection(String csv) {
    long before = specialists.count();
    CsvImportException rejected = (CsvImportException) catchThrowable(csv);
    assertThat(specialists.count()).as("nothing imported").isEqualTo(before);
    return rejected;
  }

  Throwable catchThrowable(String csv) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(CsvImportException.class, () -> importCsv(csv));
  }

  @Test
  void importsEveryRowOfAGoodFile() {
    String csv =
        "\uFEFF" + HEADER
            + "Olena Koval,okoval,uk;ru,anxiety;grief,ADULT;senior,Europe/Kyiv,5,mon-fri 09:00-17:00; sun 22:00-02:00\n"
            + "\n"
            + "\"Smith, Anna\",,en,trauma,young-adult,Europe/London,3,sat-sun 10:00-14:00\n";

    assertThat(importCsv(csv)).isEqualTo(2);

    SpecialistView olena =
        registry.search(null, "uk", null, 0, 50).getContent().stream()
            .filter(view -> "okoval".equals(view.username()))
            .findFirst()
            .orElseThrow();
    assertThat(olena.name()).isEqualTo("Olena Koval");
    assertThat(olena.languages()).containsExactly("ru", "uk");
    assertThat(olena.topics()).containsExactly("anxiety", "grief");
    assertThat(olena.ageGroups()).containsExactly(AgeGroup.ADULT, AgeGroup.SENIOR);
    assertThat(olena.timeZone()).isEqualTo("Europe/Kyiv");
    assertThat(olena.maxCases()).isEqualTo(5);
    assertThat(olena.active()).isTrue();
    assertThat(olena.shifts())
        .hasSize(7)
        .contains(new ShiftInput(DayOfWeek.MONDAY, "00:00", "02:00"), new ShiftInput(DayOfWeek.SUNDAY, "22:00", "24:00"),
            new ShiftInput(DayOfWeek.FRIDAY, "09:00", "17:00"));
    assertThat(registry.search(null, "en", "trauma", 0, 50).getContent())
        .extracting(SpecialistView::name)
        .contains("Smith, Anna");
  }

  @Test
  void importsHundredsAtOnce() {
    String rows =
        IntStream.range(0, 300)
            .mapToObj(i -> "Volunteer " + i + ",vol" + i + ",ru,anxiety,ADULT,Europe/Berlin,4,mon-sun 08:00-20:00\n")
            .collect(Collectors.joining());

    assertThat(importCsv(HEADER + rows)).isEqualTo(300);
  }

  @Test
  void reportsEveryBadRowWithItsLineAndImportsNothing() {
    String csv =
        HEADER
            + "Good One,good1,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n"
            + ",,xx1,sadness,CHILD,Mars/Olympus,many,someday\n"
            + "Good Two,good1,en,grief,ADULT,UTC,0,tue 25:00-26:00\n"
            + "Good Three,,en,grief,ADULT,UTC,2,wed 09:00-12:00\n";

    CsvImportException rejected = rejection(csv);

    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(rejected.getBody().getDetail()).isEqualTo("2 of 4 rows are invalid; nothing was imported");
    assertThat(rejected.rejected()).extracting(RejectedRow::line).containsExactly(3L, 4L);
    assertThat(rejected.rejected().get(0).errors())
        .extracting(RowProblem::field)
        .containsExactlyInAnyOrder("max_cases", "age_groups", "availability");
    assertThat(rejected.rejected().get(0).errors())
        .extracting(RowProblem::message)
        .contains("'many' is not a whole number", "'child' is not an age group (YOUNG_ADULT, ADULT, SENIOR)");
    assertThat(rejected.rejected().get(1).errors())
        .extracting(RowProblem::field)
        .containsExactlyInAnyOrder("max_cases", "availability", "availability", "username");
    assertThat(rejected.rejected().get(1).errors())
        .contains(new RowProblem("username", "'good1' is also on line 2"));
  }

  @Test
  void reportsFieldRulesOfARowThatCouldBeRead() {
    CsvImportException rejected = rejection(HEADER + ",,xx1;en,sadness,ADULT,Mars/Olympus,3,mon 09:00-17:00\n");

    assertThat(rejected.rejected()).singleElement().satisfies(row -> {
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.errors())
          .extracting(RowProblem::field)
          .containsExactly("languages", "name", "time_zone", "topics");
      assertThat(row.errors().get(0).message()).isEqualTo("'xx1' must be a two-letter language code such as en");
    });
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreRefused() {
    CsvImportException rejected =
        rejection(
            HEADER
                + "\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Open\"\")\",,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n"
                + "Plain Name,@sum,en,anxiety,ADULT,UTC,+3,mon 09:00-17:00\n"
                + "Minus Sign,,en,anxiety,ADULT,UTC,-1,mon 09:00-17:00\n"
                + "Fine Name,,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n");

    assertThat(rejected.rejected()).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L);
    assertThat(rejected.rejected().get(0).errors())
        .containsExactly(new RowProblem("name", "must not start with '=': a spreadsheet would run it as a formula"));
    assertThat(rejected.rejected().get(1).errors())
        .extracting(RowProblem::field)
        .contains("max_cases", "username");
    assertThat(rejected.rejected().get(2).errors())
        .contains(new RowProblem("max_cases", "must not start with '-': a spreadsheet would run it as a formula"));
  }

  @Test
  void aTakenUsernameRejectsTheRow() {
    importCsv(HEADER + "First,taken,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n");

    CsvImportException rejected = rejection(HEADER + "Second,taken,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n");

    assertThat(rejected.rejected().getFirst().errors())
        .containsExactly(new RowProblem("username", "'taken' belongs to an existing specialist"));
  }

  @Test
  void refusesAFileWithoutTheRequiredColumns() {
    for (String csv :
        List.of(
            "",
            "name,languages\nA,en\n",
            HEADER.replace("availability", "shifts") + "A,,en,anxiety,ADULT,UTC,3,mon 09:00-17:00\n",
            HEADER,
            HEADER + "\"unterminated,en\n")) {
      assertThatThrownBy(() -> importCsv(csv))
          .isInstanceOfSatisfying(
              CsvImportException.class,
              refused -> assertThat(refused.getStatusCode()).as(csv).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }

  @Test
  void columnsMayComeInAnyOrderAndUsernameMayBeLeftOut() {
    assertThat(importCsv("Availability,MAX_CASES,time_zone,age_groups,topics,languages,name\n"
        + "mon 08:00-09:00,2,UTC,SENIOR,other,de,Hans\n")).isEqualTo(1);
  }
}
