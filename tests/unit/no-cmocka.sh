#!/bin/sh
# Stands in for the unit tests when configure found no cmocka.
echo "1..0 # SKIP cmocka not found at configure time: install libcmocka-dev and reconfigure"
