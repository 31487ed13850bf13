package org.lifeline.orchestrator.curator;

/**
 * Which open tasks to list; null means any.
 *
 * @param candidateGroup only tasks offered to this group
 * @param assignee only tasks claimed by this user
 */
public record TaskQuery(String candidateGroup, String assignee) {}
