package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.lifeline.orchestrator.request.RequestView;

/**
 * A task with what the person needs to do it, all from the platform's database.
 *
 * @param form the linked Camunda Form's JSON schema, or null when the task has no form
 * @param formVariables the process variables the form shows (option lists, names in its texts): ids, codes and staff
 *     names only, like every process variable
 * @param request the request the task is about (status, stage, risk level, stated age, history)
 * @param contactRequests every request of the same person, oldest first, to spot repeat contacts
 */
public record TaskDetail(
    CuratorTask task,
    JsonNode form,
    Map<String, Object> formVariables,
    RequestView request,
    List<RequestView> contactRequests) {}
