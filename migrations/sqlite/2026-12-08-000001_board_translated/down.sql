DROP INDEX board_translated;
