VALUE = "flask_demoext"
