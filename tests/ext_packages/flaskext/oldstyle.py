VALUE = "flaskext.oldstyle"
