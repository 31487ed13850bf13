package org.lifeline.orchestrator.staff;

import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.lifeline.orchestrator.curator.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's On duty page: supervisors see the rota, administrators set it. */
@Controller
class OnDutyConsoleController {

  /** Empty shift rows offered under the existing ones. */
  static final int BLANK_SHIFTS = 2;

  private final OnDutyRota rota;
  private final StaffDirectory directory;
  private final Validator validator;

  OnDutyConsoleController(OnDutyRota rota, StaffDirectory directory, Validator validator) {
    this.rota = rota;
    this.directory = directory;
    this.validator = validator;
  }

  @GetMapping("/console/on-duty")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String page(Authentication authentication, Model model) {
    OnDutyRota.RotaView view = rota.view();
    List<ShiftForm> shifts = new ArrayList<>();
    view.schedule().forEach(shift -> shifts.add(ShiftForm.of(shift)));
    for (int i = 0; i < BLANK_SHIFTS; i++) {
      shifts.add(new ShiftForm());
    }
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("rota", view);
    model.addAttribute("shifts", shifts);
    model.addAttribute("supervisors", directory.withRole(StaffRole.SUPERVISOR));
    model.addAttribute("days", DayOfWeek.values());
    return "console/on-duty";
  }

  @PostMapping("/console/on-duty")
  @PreAuthorize("hasRole('ADMIN')")
  String save(@ModelAttribute RotaForm form, Authentication authentication, RedirectAttributes redirect) {
    List<String> problems = new ArrayList<>();
    Rota submitted = form.toRota(problems);
    if (problems.isEmpty()) {
      problems.addAll(StaffForms.problems(validator, submitted));
    }
    if (problems.isEmpty()) {
      try {
        rota.replace(submitted, authentication.getName());
        redirect.addFlashAttribute("message", "The rota is saved: escalations alert by it from now on.");
      } catch (ErrorResponseException refused) {
        problems.addAll(describe(refused));
      }
    }
    if (!problems.isEmpty()) {
      redirect.addFlashAttribute("problems", problems);
    }
    return "redirect:/console/on-duty";
  }

  @SuppressWarnings("unchecked")
  private static List<String> describe(ErrorResponseException refused) {
    Object errors = refused.getBody().getProperties() == null ? null : refused.getBody().getProperties().get("errors");
    if (errors instanceof List<?> list) {
      return list.stream().map(error -> ((Map<String, String>) error).get("field") + ": " + ((Map<String, String>) error).get("message")).toList();
    }
    return List.of(StaffProblems.messageOf(refused));
  }

  /** The page's form: the defaults, everyone alerted last, the zone, and shift rows (blank rows are ignored). */
  static class RotaForm {
    private String primary;
    private String backup;
    private List<String> all = new ArrayList<>();
    private String timeZone;
    private List<ShiftForm> shifts = new ArrayList<>();

    Rota toRota(List<String> problems) {
      List<Rota.Shift> schedule = new ArrayList<>();
      for (int i = 0; i < shifts.size(); i++) {
        ShiftForm shift = shifts.get(i);
        if (shift.isBlank()) {
          continue;
        }
        try {
          schedule.add(
              new Rota.Shift(
                  shift.days == null || shift.days.isEmpty() ? null : EnumSet.copyOf(shift.days),
                  LocalTime.parse(shift.from),
                  LocalTime.parse(shift.to),
                  shift.primary,
                  shift.backup));
        } catch (DateTimeParseException | NullPointerException unreadable) {
          problems.add("Shift " + (i + 1) + ": from and to must be times such as 08:00");
        }
      }
      return new Rota(primary, backup, all, timeZone, schedule);
    }

    public String getPrimary() {
      return primary;
    }

    public void setPrimary(String primary) {
      this.primary = primary;
    }

    public String getBackup() {
      return backup;
    }

    public void setBackup(String backup) {
      this.backup = backup;
    }

    public List<String> getAll() {
      return all;
    }

    public void setAll(List<String> all) {
      this.all = all;
    }

    public String getTimeZone() {
      return timeZone;
    }

    public void setTimeZone(String timeZone) {
      this.timeZone = timeZone;
    }

    public List<ShiftForm> getShifts() {
      return shifts;
    }

    public void setShifts(List<ShiftForm> shifts) {
      this.shifts = shifts;
    }
  }

  /** One row of the schedule as the page shows and posts it. */
  public static class ShiftForm {
    private List<DayOfWeek> days = new ArrayList<>();
    private String from;
    private String to;
    private String primary;
    private String backup;

    static ShiftForm of(Rota.Shift shift) {
      ShiftForm form = new ShiftForm();
      form.days = new ArrayList<>(EnumSet.copyOf(shift.days()));
      form.from = shift.from().toString();
      form.to = shift.to().toString();
      form.primary = shift.primary();
      form.backup = shift.backup();
      return form;
    }

    boolean isBlank() {
      return (days == null || days.isEmpty()) && (primary == null || primary.isBlank())
          && (from == null || from.isBlank()) && (to == null || to.isBlank());
    }

    public List<DayOfWeek> getDays() {
      return days;
    }

    public void setDays(List<DayOfWeek> days) {
      this.days = days;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to;
    }

    public String getPrimary() {
      return primary;
    }

    public void setPrimary(String primary) {
      this.primary = primary;
    }

    public String getBackup() {
      return backup;
    }

    public void setBackup(String backup) {
      this.backup = backup;
    }
  }
}
