# -*- coding: utf-8 -*-
"""``python -m flaskcompat``: the ``flaskcompat`` command line."""
if __name__ == "__main__":
    from .cli import main

    main(as_module=True)
