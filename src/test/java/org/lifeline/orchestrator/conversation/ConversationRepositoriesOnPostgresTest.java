package org.lifeline.orchestrator.conversation;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class ConversationRepositoriesOnPostgresTest extends ConversationRepositoriesContract {}
