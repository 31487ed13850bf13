package org.lifeline.orchestrator.request;

/** Names in bpmn/help-request.bpmn that code refers to. Stable once released. */
public final class HelpRequestProcess {

  public static final String PROCESS_ID = "help-request";

  public static final String JOB_SEND_GREETING = "sendGreeting";

  /** Variables: ids, statuses and flags only; never free text, answers, names or contacts. */
  public static final class Variables {
    public static final String REQUEST_ID = "requestId";
    public static final String CONTACT_ID = "contactId";
    public static final String CHANNEL = "channel";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String STATED_AGE = "statedAge";

    private Variables() {}
  }

  private HelpRequestProcess() {}
}
