package org.lifeline.orchestrator.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The embedded engine's log, in memory, keeping a block of records only until every open reader has read past it: the
 * engine's stream processor (which has then processed it; its state lives in RocksDB) and the platform's record tap
 * ({@link EngineRecords}). zeebe-process-test's own log storage keeps every block for the life of the process, so the
 * heap grew with every request ever handled. The engine writes from several threads (the stream processor, the gRPC
 * gateway) and reads on others, hence the concurrent structures; blocks are keyed by their lowest position.
 */
final class BoundedLogStorage implements LogStorage {

  private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
  private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong retainedBytes = new AtomicLong();

  private record Block(ByteBuffer data, long highestPosition) {}

  @Override
  public LogStorageReader newReader() {
    Reader reader = new Reader();
    readers.add(reader);
    return reader;
  }

  @Override
  public void append(long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer buffer = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(buffer), 0);
    append(lowestPosition, highestPosition, buffer, listener);
  }

  @Override
  public void append(long lowestPosition, long highestPosition, ByteBuffer block, AppendListener listener) {
    blocks.put(lowestPosition, new Block(block, highestPosition));
    retainedBytes.addAndGet(block.remaining());
    long index = appends.incrementAndGet();
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  /**
   * Drops the blocks every open reader has read past. A reader still holds the block it is reading (the engine's
   * reader wraps its buffer), so only blocks before the ones the readers would read next go.
   *
   * @return how many blocks were dropped
   */
  int release() {
    long keepFrom = Long.MAX_VALUE;
    for (Reader reader : readers) {
      keepFrom = Math.min(keepFrom, reader.retainFrom());
    }
    int released = 0;
    for (Map.Entry<Long, Block> first = blocks.firstEntry();
        first != null && first.getKey() < keepFrom;
        first = blocks.firstEntry()) {
      if (blocks.remove(first.getKey(), first.getValue())) {
        retainedBytes.addAndGet(-first.getValue().data().remaining());
        released++;
      }
    }
    return released;
  }

  /** Blocks held now. */
  int retainedBlocks() {
    return blocks.size();
  }

  /** Bytes of the blocks held now. */
  long retainedBytes() {
    return retainedBytes.get();
  }

  /**
   * Reads blocks in order of position. Seeking before the first block still held starts at that block: the blocks
   * before it were read by every reader already.
   */
  private final class Reader implements LogStorageReader {

    /** The lowest position of the block this reader returns next, or a lower bound of it. */
    private volatile long next = Long.MIN_VALUE;
    /** The lowest position of the block returned last, which the caller may still be reading. */
    private volatile long current = Long.MIN_VALUE;

    long retainFrom() {
      return current;
    }

    @Override
    public void seek(long position) {
      Long containing = blocks.floorKey(position);
      next = containing == null ? Long.MIN_VALUE : containing;
      current = next;
    }

    @Override
    public boolean hasNext() {
      return blocks.ceilingKey(next) != null;
    }

    @Override
    public DirectBuffer next() {
      Map.Entry<Long, Block> entry = blocks.ceilingEntry(next);
      if (entry == null) {
        throw new NoSuchElementException();
      }
      current = entry.getKey();
      next = entry.getKey() + 1;
      return new UnsafeBuffer(entry.getValue().data());
    }

    @Override
    public void close() {
      readers.remove(this);
    }
  }
}
