"""The Qt front end: a thin layer of models, views and dialogs over core/."""
