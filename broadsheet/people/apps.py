from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "broadsheet.people"
    label = "people"
