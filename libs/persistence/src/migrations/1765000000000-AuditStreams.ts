import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764200000000-AppRole';

/**
 * The full-process record (行政处罚法 Art.47) as many hash chains instead of one: every case has its
 * own chain (stream `case:<id>`), actions outside a case chain per actor (`actor:<id>`, `system`),
 * denied requests chain per actor (`denials:<actor>`), and the rows written before this migration
 * stay one chain (`legacy`). Appends to different streams no longer wait for each other.
 *
 * Deleting a stream's newest rows and rewinding its head would leave a shorter, internally valid
 * chain; anchors close that gap: `audit_anchor()` records the head of every stream that moved since
 * the previous anchor in a global chain of anchors (each hashed over its predecessor), so a stream
 * that no longer reaches an anchored head is detected.
 *
 * The app role appends and anchors only through these SECURITY DEFINER functions: it holds SELECT
 * on the record, its heads and anchors, and no INSERT, UPDATE or DELETE on any of them.
 */
export class AuditStreams1765000000000 implements MigrationInterface {
  name = 'AuditStreams1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default adds the column without rewriting or updating (the append-only trigger stays untouched).
    await q.query(`ALTER TABLE audit_log ADD COLUMN stream varchar(80) NOT NULL DEFAULT 'legacy'`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN stream DROP DEFAULT`);
    await q.query(`CREATE INDEX audit_stream_idx ON audit_log(stream, seq)`);
    await q.query(`
      CREATE TABLE audit_streams (
        stream varchar(80) PRIMARY KEY,
        head_seq bigint NOT NULL,
        head_hash char(64) NOT NULL,
        length bigint NOT NULL,
        anchored_length bigint NOT NULL DEFAULT 0
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX audit_streams_unanchored_idx ON audit_streams(stream) WHERE length > anchored_length`);
    await q.query(`
      INSERT INTO audit_streams (stream, head_seq, head_hash, length)
      SELECT 'legacy', max(seq), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), count(*)
        FROM audit_log HAVING count(*) > 0`);
    await q.query(`
      CREATE TABLE audit_anchors (
        seq bigserial PRIMARY KEY,
        anchored_at timestamptz NOT NULL DEFAULT now(),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE,
        streams integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_anchor_heads (
        anchor_seq bigint NOT NULL REFERENCES audit_anchors(seq),
        stream varchar(80) NOT NULL,
        length bigint NOT NULL,
        head_seq bigint NOT NULL,
        head_hash char(64) NOT NULL,
        PRIMARY KEY (anchor_seq, stream)
      )`);
    await q.query(`CREATE INDEX audit_anchor_heads_stream_idx ON audit_anchor_heads(stream, anchor_seq)`);
    // How far GET /audit/verify has checked (the anchor it reached); a progress marker, not evidence.
    await q.query(`
      CREATE TABLE audit_verification_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        anchor_seq bigint NOT NULL,
        anchor_hash char(64) NOT NULL,
        verified_at timestamptz NOT NULL
      )`);
    for (const table of ['audit_anchors', 'audit_anchor_heads']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    }
    // One append: lock the stream's head, link the row to it, move the head. `body` is the canonical
    // JSON of the row (libs/persistence auditRowBody), which verification recomputes from the columns.
    await q.query(`
      CREATE FUNCTION audit_append(
        p_stream varchar, p_occurred_at timestamptz, p_actor_id uuid, p_actor_role varchar, p_case_id uuid,
        p_task_id uuid, p_action varchar, p_summary jsonb, p_request_id varchar, p_body text
      ) RETURNS TABLE (seq bigint, prev_hash char(64), hash char(64))
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head audit_streams%ROWTYPE;
        new_seq bigint;
        new_hash char(64);
      BEGIN
        SELECT * INTO head FROM audit_streams s WHERE s.stream = p_stream FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_streams AS s (stream, head_seq, head_hash, length)
          VALUES (p_stream, 0, encode(sha256(convert_to('audit-stream:' || p_stream, 'UTF8')), 'hex'), 0)
          ON CONFLICT (stream) DO NOTHING;
          SELECT * INTO head FROM audit_streams s WHERE s.stream = p_stream FOR UPDATE;
        END IF;
        new_hash := encode(sha256(convert_to(head.head_hash || E'\\n' || p_body, 'UTF8')), 'hex');
        INSERT INTO audit_log AS l (occurred_at, actor_id, actor_role, case_id, task_id, action, summary, request_id,
                                    prev_hash, hash, stream)
        VALUES (p_occurred_at, p_actor_id, p_actor_role, p_case_id, p_task_id, p_action, p_summary, p_request_id,
                head.head_hash, new_hash, p_stream)
        RETURNING l.seq INTO new_seq;
        UPDATE audit_streams s SET head_seq = new_seq, head_hash = new_hash, length = head.length + 1
         WHERE s.stream = p_stream;
        RETURN QUERY SELECT new_seq, head.head_hash, new_hash;
      END $$`);
    // One anchor over every stream that moved since the previous one (serialised: anchors are rare).
    await q.query(`
      CREATE FUNCTION audit_anchor() RETURNS TABLE (seq bigint, hash char(64), streams integer)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        previous char(64);
        new_seq bigint;
        new_hash char(64);
        moved_streams varchar[];
        moved_lengths bigint[];
        moved_heads bigint[];
        moved_hashes char(64)[];
      BEGIN
        PERFORM pg_advisory_xact_lock(727002);
        -- One statement, one snapshot of the heads.
        SELECT array_agg(s.stream ORDER BY s.stream COLLATE "C"), array_agg(s.length ORDER BY s.stream COLLATE "C"),
               array_agg(s.head_seq ORDER BY s.stream COLLATE "C"), array_agg(s.head_hash ORDER BY s.stream COLLATE "C")
          INTO moved_streams, moved_lengths, moved_heads, moved_hashes
          FROM audit_streams s WHERE s.length > s.anchored_length;
        IF moved_streams IS NULL THEN
          RETURN QUERY SELECT a.seq, a.hash, 0 FROM audit_anchors a ORDER BY a.seq DESC LIMIT 1;
          RETURN;
        END IF;
        SELECT a.hash INTO previous FROM audit_anchors a ORDER BY a.seq DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        new_seq := nextval(pg_get_serial_sequence('audit_anchors', 'seq'));
        SELECT encode(sha256(convert_to(previous || E'\\n' || new_seq || E'\\n' ||
                 string_agg(m.stream || ' ' || m.length || ' ' || m.head_seq || ' ' || m.head_hash, E'\\n' ORDER BY m.n),
                 'UTF8')), 'hex')
          INTO new_hash
          FROM unnest(moved_streams, moved_lengths, moved_heads, moved_hashes) WITH ORDINALITY
               AS m(stream, length, head_seq, head_hash, n);
        INSERT INTO audit_anchors (seq, prev_hash, hash, streams)
        VALUES (new_seq, previous, new_hash, cardinality(moved_streams));
        INSERT INTO audit_anchor_heads (anchor_seq, stream, length, head_seq, head_hash)
          SELECT new_seq, m.stream, m.length, m.head_seq, m.head_hash
            FROM unnest(moved_streams, moved_lengths, moved_heads, moved_hashes) AS m(stream, length, head_seq, head_hash);
        UPDATE audit_streams s SET anchored_length = m.length
          FROM unnest(moved_streams, moved_lengths) AS m(stream, length)
         WHERE s.stream = m.stream AND s.anchored_length < m.length;
        RETURN QUERY SELECT new_seq, new_hash, cardinality(moved_streams);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_append(varchar, timestamptz, uuid, varchar, uuid, uuid, varchar, jsonb,
                     varchar, text), audit_anchor() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_append(varchar, timestamptz, uuid, varchar, uuid, uuid, varchar, jsonb,
                     varchar, text), audit_anchor() TO ${APP_ROLE}`);
    await q.query(
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log, audit_streams, audit_anchors, audit_anchor_heads FROM ${APP_ROLE}`,
    );
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_verification_state FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_anchor()`);
    await q.query(
      `DROP FUNCTION audit_append(varchar, timestamptz, uuid, varchar, uuid, uuid, varchar, jsonb, varchar, text)`,
    );
    await q.query(`DROP TABLE audit_verification_state`);
    await q.query(`DROP TABLE audit_anchor_heads`);
    await q.query(`DROP TABLE audit_anchors`);
    await q.query(`DROP TABLE audit_streams`);
    await q.query(`DROP INDEX audit_stream_idx`);
    // Rows appended per stream cannot rejoin the single chain: going back needs an empty record
    // since this migration, or a new chain started by the previous code.
    await q.query(`ALTER TABLE audit_log DROP COLUMN stream`);
    await q.query(`GRANT INSERT ON audit_log TO ${APP_ROLE}`);
  }
}
