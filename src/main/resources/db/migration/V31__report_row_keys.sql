-- Reports: a request's row of facts keeps its row_key when it is rebuilt, and a new row takes the next free key of its
-- second of intake (second of intake × 2^20 + 0, 1, 2, ...), so two rows never share a key, however often they are
-- rebuilt. The sequence the keys took their low part from (modulo 2^20, which could repeat) is no longer used.
drop sequence report_request_key;
