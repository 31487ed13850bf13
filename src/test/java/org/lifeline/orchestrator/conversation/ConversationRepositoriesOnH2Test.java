package org.lifeline.orchestrator.conversation;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class ConversationRepositoriesOnH2Test extends ConversationRepositoriesContract {}
