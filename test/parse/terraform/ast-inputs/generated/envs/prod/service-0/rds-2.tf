resource "aws_db_subnet_group" "rds_2_0" {
  name       = "${local.name_prefix}-rds-2-0"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_0" {
  identifier                      = "${local.name_prefix}-rds-2-0"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 218
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.backup_4a.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.data_24a.arn
  db_subnet_group_name            = aws_db_subnet_group.rds_2_0.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = "arn:aws:kms:us-east-1:111122223333:key/409d3fb6-4afe-bede-10d4-e8eb2af2f261"
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_0" })
}

resource "aws_db_subnet_group" "rds_2_1" {
  name       = "${local.name_prefix}-rds-2-1"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_1" {
  identifier                      = "${local.name_prefix}-rds-2-1"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 212
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.secrets_24b.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.secrets_16b.arn
  db_subnet_group_name            = aws_db_subnet_group.rds_2_1.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = "arn:aws:kms:us-east-1:111122223333:key/cd424e42-a851-214a-a188-3c4ffd020f5b"
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_1" })
}

resource "aws_db_subnet_group" "rds_2_2" {
  name       = "${local.name_prefix}-rds-2-2"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_2" {
  identifier                      = "${local.name_prefix}-rds-2-2"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 436
  storage_encrypted               = true
  kms_key_id                      = "arn:aws:kms:us-east-1:111122223333:key/4dcc3126-84e4-edaa-3643-4ef2510c632d"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.logs_36a.arn
  db_subnet_group_name            = aws_db_subnet_group.rds_2_2.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = aws_kms_key.secrets_12b.key_id
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_2" })
}

resource "aws_db_subnet_group" "rds_2_3" {
  name       = "${local.name_prefix}-rds-2-3"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_3" {
  identifier                      = "${local.name_prefix}-rds-2-3"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 350
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.queue_4b.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.secrets_28a.arn
  db_subnet_group_name            = aws_db_subnet_group.rds_2_3.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = aws_kms_key.app_0a.key_id
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_3" })
}

resource "aws_db_subnet_group" "rds_2_4" {
  name       = "${local.name_prefix}-rds-2-4"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_4" {
  identifier                      = "${local.name_prefix}-rds-2-4"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 120
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.secrets_24b.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/56da5590-e89a-11d2-b4a4-8e112a086c41"
  db_subnet_group_name            = aws_db_subnet_group.rds_2_4.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = aws_kms_key.data_36b.key_id
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_4" })
}

resource "aws_db_subnet_group" "rds_2_5" {
  name       = "${local.name_prefix}-rds-2-5"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "rds_2_5" {
  identifier                      = "${local.name_prefix}-rds-2-5"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = 27
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.app_0b.arn
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.data_24a.arn
  db_subnet_group_name            = aws_db_subnet_group.rds_2_5.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = aws_kms_key.secrets_12b.key_id
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "rds_2_5" })
}
