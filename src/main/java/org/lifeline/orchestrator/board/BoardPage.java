package org.lifeline.orchestrator.board;

import java.util.List;

/** One page of the board's requests, highest risk first, then the longest waiting. */
public record BoardPage(List<BoardRequest> content, int page, int size, long totalElements, int totalPages) {

  public BoardPage {
    content = List.copyOf(content);
  }

  static BoardPage of(List<BoardRequest> content, BoardFilter filter, long total) {
    return new BoardPage(content, filter.page(), filter.size(), total, (int) ((total + filter.size() - 1) / filter.size()));
  }
}
