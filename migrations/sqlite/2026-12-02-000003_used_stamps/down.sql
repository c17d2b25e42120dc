DROP TABLE used_stamps;
